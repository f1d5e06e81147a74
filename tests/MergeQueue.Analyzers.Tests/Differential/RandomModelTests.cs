using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Text;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// "Never lie": random small models (FsCheck, pinned seed) checked three ways — the compile-time analyzer, the
/// generated <c>Explore()</c>, and <see cref="ReferenceExplorer"/> written plainly here — must agree on the distinct
/// states, transitions, depth, and every verdict with its shortest trace length. The normal run compares 100
/// models; <c>MERGEQUEUE_RANDOM_MODELS=N</c> (tests/robustness.sh) compares more, <c>MERGEQUEUE_RANDOM_SEED</c>
/// picks another seed. A disagreement prints the model, and the smallest model shrunk from it that still disagrees.
/// </summary>
public sealed class RandomModelTests(ITestOutputHelper output)
{
    private const ulong DefaultSeed = 20_250_611;

    /// <summary>Models per compilation: a compilation costs far more than one small model's exploration.</summary>
    private const int BatchSize = 25;

    [Fact]
    public async Task Analyzer_generated_explorer_and_reference_agree_on_random_models()
    {
        int count = EnvironmentCount("MERGEQUEUE_RANDOM_MODELS", 100);
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("MERGEQUEUE_RANDOM_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var clock = Stopwatch.StartNew();
        var models = RandomModels.Sample(seed, count);
        var report = new StringBuilder();
        int disagreements = 0;
        long states = 0, largest = 0;
        var verdicts = new Dictionary<string, int>();
        for (int start = 0; start < models.Count; start += BatchSize)
        {
            var batch = models.Skip(start).Take(BatchSize).ToList();
            var results = await CheckAsync(batch, start);
            for (int i = 0; i < batch.Count; i++)
            {
                var (expected, analyzer, generated) = results[i];
                states += expected.States;
                largest = Math.Max(largest, expected.States);
                Count(verdicts, expected);
                if (expected.ToString() != analyzer.ToString() || expected.ToString() != generated.ToString())
                {
                    disagreements++;
                    if (disagreements <= 3)
                    {
                        report.Append(await DescribeAsync(batch[i], start + i, seed));
                    }
                }
            }
        }

        output.WriteLine($"seed {seed}: {models.Count} random models, {states} states in all (largest {largest}), {disagreements} disagreements, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("verdicts: " + string.Join(", ", verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + " " + v.Value)));
        Assert.True(disagreements == 0, $"{disagreements} of {models.Count} random models (seed {seed}) disagree:\n{report}");
    }

    [Fact]
    public void The_reference_explorer_counts_a_hand_checked_model()
    {
        // x0 = 0, x1 = 0; A0: Require(x0 < 2); x0 = (x0 + 1) % 4;  A1(p): x1 = p;
        // States: x0 in {0, 1, 2} × x1 in {0, 1} = 6, depth 3 (x0 = 2 and x1 = 1). Transitions: A0 from the 4 states
        // with x0 < 2, A1 twice from each of the 6: 4 + 12 = 16. Invariant x0 != 2 is violated after 2 steps.
        // No state is stuck (A1 is always enabled).
        var model = new RandomModel(
            new[] { 0, 0 },
            Array.Empty<bool>(),
            new[]
            {
                new RandomAction(false, false, new Compare(new IntField(0), "<", new IntConst(2)), new[] { new Assignment(0, new IntStep(new IntField(0), 1, 4), null) }, null),
                new RandomAction(true, false, null, new[] { new Assignment(1, new IntParam(), null) }, null),
            },
            new Compare(new IntField(0), "!=", new IntConst(2)),
            null);
        var outcome = ReferenceExplorer.Explore(model);
        Assert.Equal("6 states, 16 transitions, depth 3\ninvariant: violated after 2\nstuck: no\nnever enabled: \n", outcome.ToString());
    }

    [Fact]
    public void The_random_models_are_the_same_on_every_run()
    {
        var first = RandomModels.Sample(DefaultSeed, 5).Select(m => m.Render("M")).ToList();
        var second = RandomModels.Sample(DefaultSeed, 5).Select(m => m.Render("M")).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Some_random_models_keep_their_ints_in_one_array()
    {
        var models = RandomModels.Sample(DefaultSeed, 100);
        var inArray = models.Where(m => m.IntsInArray).Select(m => m.Render("M")).ToList();

        Assert.InRange(inArray.Count, 15, 60);
        Assert.All(inArray, text =>
        {
            Assert.Contains("int[] x = { ", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bx\d", text);
        });
        Assert.Contains(inArray, text => text.Contains("x[0] = ", StringComparison.Ordinal));
    }

    internal static int EnvironmentCount(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static void Count(Dictionary<string, int> verdicts, Outcome outcome)
    {
        void Add(string key) => verdicts[key] = verdicts.GetValueOrDefault(key) + 1;
        if (outcome.InvariantSteps >= 0)
        {
            Add("invariant violated");
        }

        if (outcome.StuckSteps is not null)
        {
            Add("stuck");
        }

        if (outcome.Failures.Count > 0)
        {
            Add("assert failed");
        }

        if (outcome.NeverEnabled.Count > 0)
        {
            Add("never enabled");
        }
    }

    private static string ClassName(int index) => "R" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The three outcomes of each model, the models compiled together (one file and one class each).</summary>
    private static async Task<List<(Outcome Reference, Outcome Analyzer, Outcome Generated)>> CheckAsync(IReadOnlyList<RandomModel> models, int firstIndex)
    {
        var names = models.Select((_, i) => ClassName(firstIndex + i)).ToList();
        var sources = models.Select((m, i) => m.Render(names[i])).ToArray();

        // The reference explores every state: so do the other two (TLC's -continue), to compare every verdict.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(
            TestCompilation.Create(sources), new Dictionary<string, string> { ["MergeQueueContinueAfterViolation"] = "true" });
        var byFile = diagnostics.ToLookup(d => d.Location.SourceTree?.FilePath ?? "");

        var generated = ExploreAll(names, sources);

        return models.Select((m, i) => (
            ReferenceExplorer.Explore(m),
            Outcome.FromAnalyzer(byFile["Model" + i.ToString(CultureInfo.InvariantCulture) + ".cs"], m.Invariant is not null),
            Outcome.FromGenerated(generated[i], m.Invariant is not null))).ToList();
    }

    /// <summary>Generates, compiles and loads the models once, and calls each generated <c>Explore()</c>.</summary>
    private static List<GeneratedResult> ExploreAll(IReadOnlyList<string> names, string[] sources)
    {
        var (compilation, _) = GeneratorRun.Run(GeneratorRun.Compilation(sources));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("RandomModels");
        var assembly = context.LoadFromStream(image);
        return names.Select((name, i) =>
        {
            var explore = assembly.GetType("Differential." + name, throwOnError: true)!.GetMethod("Explore")
                ?? throw new InvalidOperationException("No Explore() on " + name);

            // Workers and fingerprints must not change what is found: a third of the models are explored
            // with each setting.
            object? options = (i % 3) switch
            {
                1 => GeneratorRun.EngineOptions(explore, new ExplorationOptions { Workers = 2, ContinueAfterViolation = true }),
                2 => GeneratorRun.EngineOptions(explore, new ExplorationOptions { FingerprintsOnly = true, ContinueAfterViolation = true }),
                _ => GeneratorRun.EngineOptions(explore, new ExplorationOptions { ContinueAfterViolation = true }),
            };
            return GeneratedResult.From(explore.Invoke(null, new[] { options })!);
        }).ToList();
    }

    private static async Task<bool> DisagreesAsync(RandomModel model)
    {
        var (expected, analyzer, generated) = (await CheckAsync(new[] { model }, 0))[0];
        return expected.ToString() != analyzer.ToString() || expected.ToString() != generated.ToString();
    }

    /// <summary>The disagreement, and the smallest model (greedy shrinking) that still shows it.</summary>
    private static async Task<string> DescribeAsync(RandomModel model, int index, ulong seed)
    {
        var smallest = model;
        for (int budget = 60; budget > 0;)
        {
            RandomModel? smaller = null;
            foreach (var candidate in smallest.Shrinks())
            {
                if (budget-- <= 0)
                {
                    break;
                }

                if (await DisagreesAsync(candidate))
                {
                    smaller = candidate;
                    break;
                }
            }

            if (smaller is null)
            {
                break;
            }

            smallest = smaller;
        }

        var (expected, analyzer, generated) = (await CheckAsync(new[] { smallest }, 0))[0];
        return $"--- model {index} (seed {seed}):\n{model.Render(ClassName(index))}\n--- shrunk to:\n{smallest.Render(ClassName(0))}"
            + $"--- reference:\n{expected}--- analyzer:\n{analyzer}--- generated Explore():\n{generated}\n";
    }
}
