using System;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using MergeQueue.Analyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="StateMachineGenerator"/> the way the compiler does (with step tracking), fails on a generator
/// crash (CS8785) or any error in the output, and loads the result to call the generated <c>Explore()</c>.
/// </summary>
internal static class GeneratorRun
{
    /// <summary>The engine assembly the generated code runs on, as a user's project references it from lib/.</summary>
    public static readonly MetadataReference Engine =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "MergeQueue.Analyzers.Engine.dll"));

    public static CSharpCompilation Compilation(params string[] sources) =>
        (CSharpCompilation)TestCompilation.Create(sources).AddReferences(Engine);

    public static GeneratorDriver Driver(CSharpParseOptions? parseOptions = null) => CSharpGeneratorDriver.Create(
        new[] { new StateMachineGenerator().AsSourceGenerator() },
        parseOptions: parseOptions ?? new CSharpParseOptions(LanguageVersion.Latest),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; the output compilation must have no errors and the generator must not have thrown.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(Compilation compilation)
    {
        // Generated files are parsed as the project's own files are.
        var driver = Driver(compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var driverErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS8785").ToList();
        Assert.True(driverErrors.Count == 0, "The generator failed:\n" + string.Join("\n", driverErrors));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generated = string.Join("\n\n", output.SyntaxTrees.Skip(compilation.SyntaxTrees.Count()).Select(t => t.ToString()));
        Assert.True(errors.Count == 0, "The generated code does not compile:\n" + string.Join("\n", errors) + "\n" + generated);
        return (output, driver.GetRunResult());
    }

    /// <summary>The generator's output for <paramref name="sources"/>, every file in one text (see <see cref="Run"/>).</summary>
    public static string GeneratedCode(params string[] sources) =>
        string.Join("\n", Run(Compilation(sources)).Result.GeneratedTrees.Select(t => t.ToString()));

    /// <summary>
    /// <c>typeName.Explore()</c> with one worker, and how many <c>ActionDisabledException</c>s it threw on this thread:
    /// the false <c>Require</c>s that cost an exception rather than a branch.
    /// </summary>
    public static (GeneratedResult Result, int DisabledThrows) ExploreCountingDisabledThrows(string typeName, params string[] sources)
    {
        int thread = Environment.CurrentManagedThreadId;
        int thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread && e.Exception.GetType().Name == "ActionDisabledException")
            {
                thrown++;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var result = Explore(typeName, new ExplorationOptions { Workers = 1 }, sources);
            return (result, thrown);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
    }

    /// <summary>Compiles, generates, loads (see TestLoadContext) and calls <c>typeName.Explore()</c>.</summary>
    public static GeneratedResult Explore(string typeName, params string[] sources) => Explore(typeName, null, sources);

    public static GeneratedResult Explore(string typeName, ExplorationOptions? options, params string[] sources) =>
        Explore(Compilation(sources), typeName, options);

    /// <summary>Generates into <paramref name="compilation"/>, loads the result (see TestLoadContext) and calls <c>typeName.Explore()</c>.</summary>
    public static GeneratedResult Explore(Compilation compilation, string typeName, ExplorationOptions? options)
    {
        var (output, _) = Run(compilation);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("GeneratedExplorer");
        var type = context.LoadFromStream(image).GetType(typeName, throwOnError: true)!;
        var explore = type.GetMethod("Explore") ?? throw new InvalidOperationException("The generator emitted no Explore() on " + typeName);
        object? engineOptions = options is null ? null : EngineOptions(explore, options);
        return GeneratedResult.From(explore.Invoke(null, new[] { engineOptions })!);
    }

    // The tests hold the checker's copy of ExplorationOptions; Explore() takes the engine assembly's.
    public static object EngineOptions(System.Reflection.MethodInfo explore, ExplorationOptions options)
    {
        var type = explore.GetParameters()[0].ParameterType;
        var copy = Activator.CreateInstance(type)!;
        foreach (var name in new[]
        {
            nameof(ExplorationOptions.MaxStates), nameof(ExplorationOptions.MaxDepth), nameof(ExplorationOptions.Workers),
            nameof(ExplorationOptions.FingerprintsOnly), nameof(ExplorationOptions.GraphStates),
            nameof(ExplorationOptions.ContinueAfterViolation),
        })
        {
            type.GetProperty(name)!.SetValue(copy, typeof(ExplorationOptions).GetProperty(name)!.GetValue(options));
        }

        return copy;
    }
}
