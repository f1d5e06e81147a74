using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Analyzer;

/// <summary>Severities through <c>.editorconfig</c> and <c>#pragma</c>, as for any analyzer.</summary>
public sealed class SeverityConfigurationTests
{
    // Reports SM0001 (invariant), SM0002 (stuck) and SM0006 (Reset never enabled), all from real source locations.
    // The first two break in the last level, so the search stops at none of them (SPEC §2 "Stopping").
    private const string Model = TestCompilation.Usings + """
        [StateMachine]
        partial class Counter
        {
            int x;
            [Action] void Inc() { Require(x < 1); x++; }
            [Action] void Reset() { Require(x < 0); x = 0; }
            [Invariant] bool Zero() => x == 0;
        }
        """;

    [Theory]
    [InlineData("SM0001")]
    [InlineData("SM0002")]
    [InlineData("SM0006")]
    public async Task Editorconfig_severity_none_silences_one_rule(string id)
    {
        var compilation = EditorConfigOptions.Apply(TestCompilation.Create(Model), $"root = true\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n");

        var ids = (await AnalyzerRun.DiagnosticsAsync(compilation)).Select(d => d.Id).ToList();

        Assert.DoesNotContain(id, ids);
        Assert.Equal(new[] { "SM0001", "SM0002", "SM0006" }.Where(i => i != id), ids.Where(i => i != "SM0010").Distinct().OrderBy(i => i));
    }

    [Fact]
    public async Task Editorconfig_can_turn_a_warning_into_an_error()
    {
        var compilation = EditorConfigOptions.Apply(TestCompilation.Create(Model), "root = true\n[*.cs]\ndotnet_diagnostic.SM0006.severity = error\n");

        var neverEnabled = (await AnalyzerRun.DiagnosticsAsync(compilation)).Single("SM0006");

        Assert.Equal(DiagnosticSeverity.Error, neverEnabled.Severity);
    }

    [Fact]
    public async Task Pragma_suppresses_a_rule_around_its_location()
    {
        var suppressed = Model
            .Replace("partial class Counter", "#pragma warning disable SM0002\npartial class Counter\n#pragma warning restore SM0002")
            .Replace("    [Invariant]", "#pragma warning disable SM0001\n    [Invariant]");

        var ids = (await AnalyzerRun.DiagnosticsAsync(new[] { suppressed })).Select(d => d.Id).Where(i => i != "SM0010").ToList();

        Assert.Equal(new[] { "SM0006" }, ids);
    }
}
