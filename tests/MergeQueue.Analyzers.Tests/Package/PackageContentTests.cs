using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>What the one MergeQueue.Analyzers package carries, where NuGet and the compiler look for it.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageContentTests(PackedPackageFixture package)
{
    [Fact]
    public void Package_carries_the_libraries_the_analyzers_the_build_files_and_the_docs()
    {
        using var archive = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.nupkg").Single());
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/netstandard2.0/MergeQueue.Analyzers.Attributes.dll", entries);
        Assert.Contains("lib/netstandard2.0/MergeQueue.Analyzers.Attributes.xml", entries);
        Assert.Contains("lib/netstandard2.0/MergeQueue.Analyzers.Engine.dll", entries);
        Assert.Contains("lib/netstandard2.0/MergeQueue.Analyzers.Engine.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/MergeQueue.Analyzers.Checker.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/MergeQueue.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/MergeQueue.Analyzers.props", entries);
        Assert.Contains("buildTransitive/MergeQueue.Analyzers.targets", entries);
        Assert.Contains("README.md", entries);

        // Nothing of Roslyn ships inside: the compiler brings its own.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis"));

        using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("MergeQueue.Analyzers", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrEmpty(Value("license")));
        // A user's project gets no package dependencies from it.
        Assert.DoesNotContain(metadata.Descendants(), d => d.Name.LocalName == "dependency");
    }
}
