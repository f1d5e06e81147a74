using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Every sample and a few test models (records and collections, liveness), randomly mutated: whatever the mutant
/// is (often not even C#), the checker answers with diagnostics in bounded time and never crashes, and the source
/// generator neither throws (CS8785) nor emits code that adds errors to the mutant's own. The normal run tries a
/// few mutants per model; `MERGEQUEUE_MUTANTS=N` (tests/robustness.sh) tries more.
/// </summary>
public sealed class MutationTests
{
    // A mutant may unbound a model (drop a guard): the project bounds make that a fast SM0005, not a slow build.
    private static readonly Dictionary<string, string> Bounds = new()
    {
        ["MergeQueueMaxStates"] = "20000",
        ["MergeQueueTimeoutSeconds"] = "5",
    };

    private static readonly TimeSpan PerMutantBudget = TimeSpan.FromSeconds(20);

    private const string RecordsModel = "test model: records and collections";
    private const string LivenessModel = "test model: liveness";

    public static TheoryData<string> Models() => new(
        SampleSource.Naive, SampleSource.CiFailures, SampleSource.Fixed, SampleSource.Ordered, RecordsModel, LivenessModel);

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Mutants_never_crash_or_hang_the_checker_or_the_generator(string model)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("MERGEQUEUE_MUTANTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 12;
        var (original, others) = Sources(model);

        for (var seed = 0; seed < count; seed++)
        {
            var (mutant, mutation) = SourceMutator.Mutate(original, new Random(seed * 7919 + model.Length));
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var compilation = TestCompilation.CreateUnchecked(others.Append(mutant).ToArray());

                // AnalyzerRun fails the test on AD0001 (an analyzer crash) by itself. The checker's own run is measured
                // against the bounds it was given (tests/robustness.sh counts the overruns); the generator after it is given none.
                var meter = InputMeter.Start("mutants", 5, 2048);
                await AnalyzerRun.DiagnosticsAsync(compilation, Bounds);
                meter.Finish("ok");
                CheckGenerator(compilation);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{model}, seed {seed} ({mutation}):\n{e}\n--- mutant:\n{mutant}");
            }

            Assert.True(stopwatch.Elapsed < PerMutantBudget, $"{model}, seed {seed} ({mutation}) took {stopwatch.Elapsed}");
        }
    }

    [Theory]
    [InlineData(RecordsModel, "Mutation.Board")]
    [InlineData(LivenessModel, "Mutation.Mutex")]
    public async Task The_unmutated_test_models_are_checked_and_generated(string model, string typeName)
    {
        var (original, others) = Sources(model);
        var sources = others.Append(original).ToArray();
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(sources);
        Assert.True(
            !diagnostics.Any(d => d.Id.StartsWith("SM01", StringComparison.Ordinal) || d.Id == "SM0005"),
            string.Join("\n", diagnostics.Select(d => d.ToString())));
        var generated = GeneratorRun.Explore(typeName, sources);
        Assert.True(generated.DistinctStates > 10, generated.Report);
    }

    private static (string Original, string[] Others) Sources(string model) => model switch
    {
        RecordsModel => (MutationModels.RecordsAndCollections, Array.Empty<string>()),
        LivenessModel => (MutationModels.Liveness, Array.Empty<string>()),
        SampleSource.Ordered => (SampleSource.Read(model), Array.Empty<string>()),
        _ => (SampleSource.Read(model), new[] { SampleSource.Read(SampleSource.Pr) }),
    };

    /// <summary>The generator on the mutant: no crash, and no error in the output that the mutant did not already have.</summary>
    private static void CheckGenerator(Compilation mutant)
    {
        var input = mutant.AddReferences(GeneratorRun.Engine);
        GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        var crashes = driverDiagnostics.Where(d => d.Id == "CS8785" || d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(crashes.Count == 0, "The generator failed:\n" + string.Join("\n", crashes));

        // A mutant that does not even parse may give the generator broken declarations to copy (a doubled 'using',
        // a parameter without a name): those cascade into its output, which the user sees next to the syntax
        // errors themselves. The generated code must add no error to a mutant that parses.
        if (input.SyntaxTrees.Any(t => t.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)))
        {
            return;
        }

        // An error of the mutant's own that the generated code repeats (a using directive it copies, a guard it
        // lifts into the generated guard) is the same error, not a new one: compared by id and message.
        var before = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var known = before.Select(Key).Concat(before.Select(Text)).ToHashSet();
        var added = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !known.Contains(Key(d)) && !known.Contains(Text(d)))
            .ToList();
        if (added.Count > 0)
        {
            var generated = string.Join("\n\n", output.SyntaxTrees.Skip(input.SyntaxTrees.Count()).Select(t => t.FilePath + ":\n" + t));
            Assert.Fail("The generated code adds errors:\n" + string.Join("\n", added) + "\n" + generated);
        }
    }

    private static string Key(Diagnostic d) => d.Id + " " + d.Location.SourceTree?.FilePath + " " + d.Location.SourceSpan;

    private static string Text(Diagnostic d) => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture);
}
