extern alias EngineLibrary;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading.Tasks;
using MergeQueue.Analyzers;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using GeneratedOptions = EngineLibrary::MergeQueue.Analyzers.ExplorationOptions;
using GeneratedResult = EngineLibrary::MergeQueue.Analyzers.ExplorationResult;

/// <summary>
/// A twin compiled as a .NET 10 project compiles it (the running runtime's own assemblies as references,
/// <c>LanguageVersion.Preview</c>, as the corpus tests' <c>TestCompilation.CreateForRuntime</c>), then checked by the
/// analyzer as the compiler runs it, or given to the generator and its <c>Explore()</c> called.
/// </summary>
internal static class CorpusCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Lazy<MetadataReference[]> RuntimeReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()))
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .ToArray());

    internal static CSharpCompilation Create(string path, string source, OptimizationLevel optimization = OptimizationLevel.Debug)
    {
        var compilation = CSharpCompilation.Create(
            "CorpusModel",
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: path) },
            RuntimeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: optimization));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? compilation : throw new InvalidOperationException(path + " does not compile:\n" + string.Join("\n", errors));
    }

    /// <summary>The analyzer's SM diagnostics, SM0010 on, with the state and memory bounds raised and a time limit of <paramref name="seconds"/>.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> CheckAsync(CSharpCompilation compilation, int seconds, int workers = 1)
    {
        var options = compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("SM0010", ReportDiagnostic.Info));
        var properties = new BuildProperties(new Dictionary<string, string>
        {
            ["build_property.MergeQueueTimeoutSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["build_property.MergeQueueMaxStates"] = "100000000",
            ["build_property.MergeQueueMaxMemoryMegabytes"] = "16000",
            ["build_property.MergeQueueWorkers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var all = await compilation.WithOptions(options)
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new StateMachineAnalyzer()),
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, properties))
            .GetAnalyzerDiagnosticsAsync();
        var crash = all.FirstOrDefault(d => d.Id == "AD0001");
        return crash is null ? all.Where(d => d.Id.StartsWith("SM", StringComparison.Ordinal)).ToImmutableArray() : throw new InvalidOperationException(crash.ToString());
    }

    /// <summary>Generates into an optimized compilation and loads it in a collectible context; null when the generator emits no <c>Explore()</c>.</summary>
    internal static (AssemblyLoadContext Context, MethodInfo Explore)? LoadExplore(string path, string source, string className)
    {
        var compilation = Create(path, source, OptimizationLevel.Release).AddReferences(MetadataReference.CreateFromFile(typeof(GeneratedOptions).Assembly.Location));
        CSharpGeneratorDriver.Create(new[] { new StateMachineGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var failure = driverDiagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS8785");
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (failure is not null || !emitted.Success)
        {
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Prepend(failure).OfType<Diagnostic>()));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("CorpusExplorer", isCollectible: true);
        var explore = context.LoadFromStream(image).GetType(className, throwOnError: true)!.GetMethod("Explore");
        if (explore is null)
        {
            context.Unload();
            return null;
        }

        return (context, explore);
    }

    internal static GeneratedResult Explore(MethodInfo explore, GeneratedOptions options) =>
        (GeneratedResult)explore.Invoke(null, new object[] { options })!;

    /// <summary>MSBuild properties as the compiler hands them to analyzers: <c>build_property.Name</c> in the global options.</summary>
    private sealed class BuildProperties(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options global = new(values);

        public override AnalyzerConfigOptions GlobalOptions => global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            internal static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
