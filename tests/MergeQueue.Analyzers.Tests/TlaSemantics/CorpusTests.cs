using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary>
/// C# twins of public TLA+ specifications (tests/Corpus: each <c>.json</c> holds the TLC command run here and its
/// numbers) that need the semantics of issue 13: several initial states (HourClock), an action property (GlowingRaccoon),
/// a constraint with liveness (MCReplicatedLog), no deadlock check and a fairness group (TokenRingSmall, NbacgGuer01Small).
/// The generated <c>Explore()</c> must give TLC's distinct states, depth (one less than TLC's) and verdicts.
/// </summary>
public sealed class CorpusTests
{
    [Theory]
    [InlineData("SpecifyingSystems.HourClock/HourClock")]
    [InlineData("Ewd426/TokenRingSmall")]
    [InlineData("NbacgGuer01/NbacgGuer01Small")]
    [InlineData("GlowingRaccoon/Clean")]
    [InlineData("GlowingRaccoon/Stages")]
    [InlineData("GlowingRaccoon/Product")]
    [InlineData("FiniteMonotonic/MCReplicatedLog")]
    public void Explore_gives_TLCs_counts_and_verdicts(string spec)
    {
        var (source, className, expected) = Read(spec);

        var result = GeneratorRun.Explore(className, source);

        Assert.Equal(expected.GetProperty("distinctStates").GetInt64(), result.DistinctStates);
        Assert.Equal(expected.GetProperty("depth").GetInt32(), result.Depth);
        Assert.Equal(
            expected.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()),
            result.Violations.Select(v => IdOf(v.Substring(0, v.IndexOf(':')))));
    }

    [Theory]
    [InlineData("SpecifyingSystems.HourClock/HourClock")]
    [InlineData("Ewd426/TokenRingSmall")]
    public async Task The_analyzer_agrees(string spec)
    {
        var (source, _, expected) = Read(spec);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });

        Assert.Equal(new[] { "SM0010" }, diagnostics.Select(d => d.Id));
        Assert.StartsWith(
            "'" + Path.GetFileName(spec) + "': " + expected.GetProperty("distinctStates").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " distinct states",
            diagnostics.Single("SM0010").GetMessage(),
            System.StringComparison.Ordinal);
    }

    private static (string Source, string ClassName, JsonElement Expected) Read(string spec)
    {
        string path = Path.Combine(RepositoryRoot.Path, "tests", "Corpus", spec);
        var json = JsonDocument.Parse(File.ReadAllText(path + ".json")).RootElement;
        return (File.ReadAllText(path + ".cs"), json.GetProperty("class").GetString()!, json.GetProperty("expected").Clone());
    }

    private static string IdOf(string kind) => kind switch
    {
        "InvariantViolated" => "SM0001",
        "Stuck" => "SM0002",
        "LivenessViolated" => "SM0003",
        "ExecutionFailed" => "SM0004",
        "NeverReached" => "SM0007",
        "StepInvariantViolated" => "SM0008",
        _ => kind,
    };
}
