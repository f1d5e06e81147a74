using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Corpus;

/// <summary>
/// The C# twins of TLA+ specifications (<c>tests/Corpus</c>) give TLC's answer: distinct states, depth, verdict and
/// trace length, each pinned in the twin's <c>.json</c> from a TLC run on this machine, in the analyzer and in the
/// generated <c>Explore()</c>. Large twins run in the benchmark instead.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string[] Violations = { "SM0001", "SM0002", "SM0003", "SM0004", "SM0007", "SM0008" };

    public static IEnumerable<object[]> CheckedSmallModels() =>
        CorpusModel.All.Where(m => m.IsSmall && CorpusStatus.IsChecked(m.Name)).Select(m => new object[] { m.Name });

    [Theory]
    [MemberData(nameof(CheckedSmallModels))]
    public async Task The_analyzer_gives_TLCs_answer(string name)
    {
        var model = CorpusModel.Named(name);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(Compile(model));

        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("SM01", System.StringComparison.Ordinal));
        Assert.Equal(model.ExpectsBound, diagnostics.Any(d => d.Id == "SM0005"));
        Assert.Equal(model.ExpectedDiagnostics.Where(Violations.Contains), diagnostics.Select(d => d.Id).Where(Violations.Contains).Distinct().OrderBy(id => id));
        if (model.Passes)
        {
            var statistics = Regex.Match(diagnostics.Single("SM0010").GetMessage(System.Globalization.CultureInfo.InvariantCulture), @"': ([\d,]+) distinct states, [\d,]+ transitions, depth (\d+),");
            Assert.Equal(model.ExpectedStates, long.Parse(statistics.Groups[1].Value.Replace(",", string.Empty), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(model.ExpectedDepth, int.Parse(statistics.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (model.ExpectedTraceSteps is { } steps)
        {
            var first = diagnostics.First(d => d.Id == model.ExpectedDiagnostics[0]);
            Assert.Equal(steps, TraceSteps(first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Theory]
    [MemberData(nameof(CheckedSmallModels))]
    public void Explore_gives_TLCs_answer(string name)
    {
        var model = CorpusModel.Named(name);
        var result = GeneratorRun.Explore(Compile(model).AddReferences(GeneratorRun.Engine), model.ClassName, null);

        if (model.Passes)
        {
            // A liveness property under a [Constraint] is not claimed (README, Choices): the one bound a passing twin may meet.
            Assert.True(result.Complete || model.ExpectsBound, result.BoundMessage);
            Assert.Empty(result.Violations);
            Assert.Equal(model.ExpectedStates, result.DistinctStates);
            Assert.Equal(model.ExpectedDepth, result.Depth);
        }
        else
        {
            Assert.NotEmpty(result.Violations);
        }
    }

    [Fact]
    public void The_README_of_the_corpus_says_which_first_drafts_the_checker_refuses_and_why()
    {
        var actual = CorpusModel.All.ToDictionary(m => m.Name, Status);
        var rows = actual.Select(p => CorpusStatus.Row(p.Key, p.Value)).ToList();
        Assert.True(
            actual.Count == CorpusStatus.Documented.Count && actual.All(p => CorpusStatus.Documented.TryGetValue(p.Key, out var s) && s == p.Value),
            "tests/Corpus/README.md should list:\n" + string.Join("\n", rows));
    }

    /// <summary>"checked", or the constructs the front end refuses, each once, in source order.</summary>
    private static string Status(CorpusModel model)
    {
        var compiled = Infrastructure.ModelSources.Compile(Compile(model), model.ClassName);
        var refused = compiled.Diagnostics
            .Where(d => d.Id == "SM0100")
            .Select(d => Construct(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .Distinct()
            .ToList();
        var errors = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "SM0100").Select(d => d.Id).Distinct().ToList();
        return refused.Count == 0 && errors.Count == 0 && compiled.Model is not null
            ? CorpusStatus.Checked
            : string.Join("; ", refused.Concat(errors));
    }

    // "The compile-time checker cannot interpret X; 'M' was not checked at compile time" → X, with library members
    // named by type and member only ("the call to 'Enumerable.ToDictionary'") so one construct reads as one.
    private static string Construct(string message)
    {
        var match = Regex.Match(message, "cannot interpret (.*); '[^']*' was not checked");
        string construct = match.Success ? match.Groups[1].Value : message;
        var call = Regex.Match(construct, @"^the call to '(?<name>[^<('\s]+)");
        if (call.Success)
        {
            var parts = call.Groups["name"].Value.Split('.');
            construct = "the call to '" + string.Join(".", parts.Skip(System.Math.Max(0, parts.Length - 2))) + "'";
        }

        return Regex.Replace(construct, @"Corpus\.[\w.]+?\.(?=\w+\b(?!\.))", string.Empty).Replace("|", "\\|");
    }

    private static int TraceSteps(string message) =>
        message.Split('\n').Count(line => Regex.IsMatch(line, @"^\s*\d+: ")) - 1;

    private static Compilation Compile(CorpusModel model) =>
        TestCompilation.CreateForRuntime(model.SourcePath, model.Source);
}
