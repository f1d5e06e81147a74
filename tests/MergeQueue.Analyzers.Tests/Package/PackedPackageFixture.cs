using System;
using System.Collections.Generic;
using System.IO;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>
/// Packs the solution's package once into a temporary folder feed, with a version of its own and an empty NuGet
/// cache, so the consumer projects get exactly this build and nothing stale.
/// </summary>
public sealed class PackedPackageFixture : IDisposable
{
    public PackedPackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("mq-package-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-cache") };
        var (exitCode, output) = DotnetCli.Run(
            RepositoryRoot.Path,
            null,
            "pack", "src/MergeQueue.Analyzers.Package/MergeQueue.Analyzers.Package.csproj", "-c", "Release", "-nodeReuse:false", "-o", Feed, "-p:Version=" + Version);
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A new project folder that references the package from the feed, as `dotnet add package` would.</summary>
    /// <param name="name">The folder and project name.</param>
    /// <param name="source">The model source, Model.cs (Model.vb for a Visual Basic project).</param>
    /// <param name="properties">The project's properties; a net10.0 project with nullable annotations by default.</param>
    /// <param name="language">"cs" or "vb".</param>
    public string NewConsumer(string name, string source, string? properties = null, string language = "cs")
    {
        var directory = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

        // The machine's own package folder, read-only, spares the consumers downloading what it already holds (the
        // .NET Framework reference assemblies); this build of MergeQueue.Analyzers, with its own version, is never there.
        string machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string fallback = Directory.Exists(machinePackages)
            ? $"""

                  <fallbackPackageFolders>
                    <add key="machine" value="{machinePackages}" />
                  </fallbackPackageFolders>
              """
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Feed}" />
              </packageSources>{fallback}
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + "." + language + "proj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {properties ?? "<TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>"}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MergeQueue.Analyzers" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Model." + language), source);
        return directory;
    }

    public (int ExitCode, string Output) Build(string directory, params string[] extraArguments) =>
        DotnetCli.Run(directory, Environment, ["build", "-nodeReuse:false", .. extraArguments]);

    /// <summary>`dotnet build` in an interactive terminal, with the logger it picks there by itself.</summary>
    public (int ExitCode, string Output) BuildInTerminal(string directory) =>
        PseudoTerminal.Run(directory, Environment, "dotnet build -nodeReuse:false");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The folder is in the temp directory; a file still held open only delays its removal.
        }
    }
}
