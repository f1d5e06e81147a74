using System;
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
        Assert.Contains("icon.png", entries);
        Assert.Contains("buildTransitive/MergeQueue.Analyzers.github-matcher.json", entries);

        // Nothing of Roslyn ships inside: the compiler brings its own.
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis"));

        using var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("MergeQueue.Analyzers", Value("id"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
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

    [Fact]
    public void Icon_is_a_PNG_nuget_org_accepts()
    {
        using var archive = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.nupkg").Single());
        using var icon = new MemoryStream();
        archive.GetEntry("icon.png")!.Open().CopyTo(icon);
        var bytes = icon.ToArray();

        // PNG signature, then the IHDR chunk's width and height (big-endian): nuget.org takes PNG or JPEG up to 1 MB,
        // and recommends 128 x 128.
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length < 1024 * 1024);
    }

    [Fact]
    public void Symbols_package_holds_a_PDB_beside_each_DLL_with_Source_Link_to_the_repository()
    {
        using var nupkg = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.nupkg").Single());
        using var snupkg = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.snupkg").Single());
        var dlls = nupkg.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll", System.StringComparison.Ordinal)).ToList();
        var pdbs = snupkg.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", System.StringComparison.Ordinal)).ToList();

        Assert.Equal(4, dlls.Count);
        Assert.Equal(dlls.Select(d => d[..^4] + ".pdb").OrderBy(n => n), pdbs.OrderBy(n => n));
        if (!Directory.Exists(Path.Combine(RepositoryRoot.Path, ".git")) && !File.Exists(Path.Combine(RepositoryRoot.Path, ".git")))
        {
            return; // Source Link needs the commit: a copy of the sources without git has none.
        }

        foreach (var pdb in pdbs)
        {
            using var stream = snupkg.GetEntry(pdb)!.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);

            // The Source Link JSON maps /_/ (the clone's root, ContinuousIntegrationBuild) to the files at the commit.
            string text = Encoding.UTF8.GetString(bytes.ToArray());
            Assert.Matches(@"\{""documents"":\{""/_/\*"":""https://raw\.githubusercontent\.com/MergeQueue/MergeQueue\.Analyzers/[0-9a-f]{40}/\*""\}\}", text);
        }
    }

    [Fact]
    public void Packed_README_links_and_images_are_absolute_as_nuget_org_needs()
    {
        using var archive = ZipFile.OpenRead(Directory.GetFiles(package.Feed, "MergeQueue.Analyzers.*.nupkg").Single());
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        string readme = reader.ReadToEnd();

        // Code is not links: fenced blocks and inline spans out.
        readme = System.Text.RegularExpressions.Regex.Replace(readme, @"^```.*?^```", string.Empty, System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.Singleline);
        readme = System.Text.RegularExpressions.Regex.Replace(readme, "`+[^`\n]*`+", string.Empty);

        // nuget.org resolves no relative link and shows images only from hosts it trusts (raw.githubusercontent.com).
        var targets = System.Text.RegularExpressions.Regex.Matches(readme, @"(!?)\[[^\]\n]*\]\(([^)\s]+)\)")
            .Select(m => (Image: m.Groups[1].Value == "!", Target: m.Groups[2].Value))
            .Where(t => !t.Target.StartsWith('#'))
            .ToList();
        Assert.Contains(targets, t => t.Image);
        Assert.All(targets.Where(t => t.Image), t => Assert.StartsWith("https://raw.githubusercontent.com/MergeQueue/MergeQueue.Analyzers/", t.Target));
        Assert.All(targets, t => Assert.StartsWith("https://", t.Target));
    }
}
