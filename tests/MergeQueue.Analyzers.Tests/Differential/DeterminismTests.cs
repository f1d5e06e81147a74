using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// SPEC §2: "the same source gives the same diagnostics, byte for byte" — across runs, whatever else the
/// compilation holds and however concurrently it is analyzed, and whatever the culture of the build machine.
/// Every diagnostic is compared by id, location, message (trace included) and additional locations; only the
/// milliseconds of the SM0010 statistics line are masked.
/// </summary>
public sealed partial class DeterminismTests
{
    /// <summary>
    /// Stuck after 1,200 steps, where the invariant breaks too (one level, so both are reported): counts with a
    /// thousands separator in the summaries and the traces.
    /// </summary>
    private const string LongCounter = TestCompilation.Usings + """
        namespace Determinism;

        [StateMachine]
        public partial class LongCounter
        {
            int n;
            [Action] void Up() { Require(n < 1200); n++; }
            [Invariant] bool Small() => n < 1200;
        }
        """;

    /// <summary>Stopped by a bound of 1,000 states: SM0005 with a count.</summary>
    private const string Bounded = TestCompilation.Usings + """
        namespace Determinism;

        [StateMachine(MaxStates = 1000)]
        public partial class Bounded
        {
            int a, b;
            [Action] void A() { Require(a < 100); a++; }
            [Action] void B() { Require(b < 100); b++; }
        }
        """;

    /// <summary>The six models, each with the files it needs: the four samples and the two above.</summary>
    private static List<string[]> Models()
    {
        string pr = SampleSource.Read(SampleSource.Pr);
        return new List<string[]>
        {
            new[] { pr, SampleSource.Read(SampleSource.Naive) },
            new[] { pr, SampleSource.Read(SampleSource.CiFailures) },
            new[] { pr, SampleSource.Read(SampleSource.Fixed) },
            new[] { SampleSource.Read(SampleSource.Ordered) },
            new[] { LongCounter },
            new[] { Bounded },
        };
    }

    [Fact]
    public async Task Two_runs_give_byte_identical_diagnostics()
    {
        var sources = AllSources();
        var first = Render(await AnalyzerRun.DiagnosticsAsync(sources));
        var second = Render(await AnalyzerRun.DiagnosticsAsync(sources));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Six_models_analyzed_concurrently_in_one_compilation_report_what_each_reports_alone()
    {
        // One compilation, analyzed with concurrent execution (AnalyzerRun turns it on): the models are checked in
        // parallel. Each model's diagnostics must be those of the model compiled on its own.
        var together = await AnalyzerRun.DiagnosticsAsync(AllSources());
        var expected = new StringBuilder();
        foreach (var model in Models())
        {
            var alone = await AnalyzerRun.DiagnosticsAsync(model);
            expected.Append(Render(alone.Where(d => !IsPrFile(d))));
        }

        var actual = Render(together.Where(d => !IsPrFile(d)).OrderBy(d => ModelOf(d.Location.SourceTree)).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal));
        Assert.Equal(expected.ToString(), actual);
        Assert.Contains("is stuck after 1,200 steps", actual, StringComparison.Ordinal);
        Assert.Contains("1,000 distinct states", actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public async Task The_culture_of_the_build_does_not_change_a_byte(string culture)
    {
        var sources = AllSources();
        var invariant = await InCulture(CultureInfo.InvariantCulture, () => AnalyzerRun.DiagnosticsAsync(sources));
        var local = await InCulture(CultureInfo.GetCultureInfo(culture), () => AnalyzerRun.DiagnosticsAsync(sources));
        Assert.Equal(Render(invariant), Render(local));
        Assert.Contains("is stuck after 1,200 steps", Render(local), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fixed_queue_with_five_prs_counts_187_272_states_in_german()
    {
        string[] sources = { SampleSource.Read(SampleSource.Pr), SampleSource.WithPrCount(SampleSource.Read(SampleSource.Fixed), 5) };
        var diagnostics = await InCulture(CultureInfo.GetCultureInfo("de-DE"), () => AnalyzerRun.DiagnosticsAsync(sources));
        var statistics = diagnostics.Single("SM0010").GetMessage(CultureInfo.GetCultureInfo("de-DE"));
        Assert.StartsWith("'FixedQueue': 187,272 distinct states, ", statistics, StringComparison.Ordinal);
    }

    private static string[] AllSources()
    {
        // Pr.cs once, then every model's own file.
        var models = Models();
        return models.SelectMany(m => m).Distinct().ToArray();
    }

    private static bool IsPrFile(Diagnostic d) => d.Location.SourceTree?.ToString() == SampleSource.Read(SampleSource.Pr);

    /// <summary>The index of the model a file belongs to (the order of <see cref="Models"/>).</summary>
    private static int ModelOf(SyntaxTree? tree)
    {
        var text = tree?.ToString() ?? "";
        var models = Models();
        return models.FindIndex(m => m[^1] == text);
    }

    private static async Task<T> InCulture<T>(CultureInfo culture, Func<Task<T>> run)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            // The culture flows into the analyzer's tasks with the execution context.
            return await run();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }

    /// <summary>Every byte of the diagnostics that a build shows or writes to SARIF, but file names and the SM0010 time.</summary>
    private static string Render(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            string message = d.GetMessage(CultureInfo.CurrentUICulture);
            if (d.Id == "SM0010")
            {
                message = Milliseconds().Replace(message, ", # ms");
            }

            text.Append(d.Id).Append(' ').Append(d.Severity).Append(' ').Append(Where(d.Location)).Append('\n');
            text.Append(message).Append('\n');
            foreach (var additional in d.AdditionalLocations)
            {
                text.Append("  at ").Append(Where(additional)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Where(Location location)
    {
        var span = location.GetLineSpan();
        return string.Create(CultureInfo.InvariantCulture, $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) [{location.SourceSpan.Start}..{location.SourceSpan.End}]");
    }

    [GeneratedRegex(@", [\d,]+ ms$")]
    private static partial Regex Milliseconds();
}
