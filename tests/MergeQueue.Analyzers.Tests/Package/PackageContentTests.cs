using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
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
        Assert.Contains("buildTransitive/MergeQueuePrintTraces.cs", entries);
        Assert.Contains("README.md", entries);

        // Nothing of Roslyn ships inside: the compiler brings its own.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis"));

        using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("MergeQueue.Analyzers", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrEmpty(Value("license")));
        Assert.Equal("https://github.com/MergeQueue/MergeQueue.Analyzers", Value("projectUrl"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/MergeQueue/MergeQueue.Analyzers", repository.Attribute("url")?.Value);
        // A user's project gets no package dependencies from it.
        Assert.DoesNotContain(metadata.Descendants(), d => d.Name.LocalName == "dependency");
    }

    [Fact]
    public void Assemblies_packed_from_a_clone_do_not_depend_on_where_the_clone_is()
    {
        // A Release build of a clone maps its path to /_/ (ContinuousIntegrationBuild): a deterministic build's only
        // difference between two clones is their paths, so with none inside, two clones pack identical DLLs.
        if (!Directory.Exists(Path.Combine(RepositoryRoot.Path, ".git")))
        {
            return;
        }

        string root = RepositoryRoot.Path.TrimEnd('/', '\\');
        using var archive = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.nupkg").Single());
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".dll", System.StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            string text = Encoding.UTF8.GetString(bytes.ToArray());
            Assert.False(text.Contains(root, System.StringComparison.Ordinal), entry.FullName + " holds the path of the clone it was packed in, " + root);
            Assert.Contains("/_/src/", text, System.StringComparison.Ordinal);
        }
    }
}
