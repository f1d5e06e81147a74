using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Analyzer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>Runs <see cref="StateMachineAnalyzer"/> the way the compiler does, and fails on any analyzer crash.</summary>
internal static class AnalyzerRun
{
    /// <summary>All diagnostics the analyzer reports for <paramref name="sources"/>, SM0010 included, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(
        IEnumerable<string> sources,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        CancellationToken cancellationToken = default)
    {
        var compilation = TestCompilation.Create(sources.ToArray());
        return await DiagnosticsAsync(compilation, buildProperties, cancellationToken);
    }

    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(
        Compilation compilation,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        CancellationToken cancellationToken = default)
    {
        // SM0010 is off by default; the tests read the statistics through it.
        var options = compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("SM0010", ReportDiagnostic.Info));
        var withAnalyzers = compilation.WithOptions(options).WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new StateMachineAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptionsProvider(buildProperties)),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var crashes = all.Where(d => d.Id is "AD0001" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, "The analyzer crashed:\n" + string.Join("\n", crashes));
        return all
            .Where(d => d.Id.StartsWith("SM", System.StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Checks that the analyzer reports exactly the diagnostics marked in <paramref name="markup"/> (SM0010 aside).</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var parsed = Markup.Parse(markup);
        var diagnostics = await DiagnosticsAsync(new[] { parsed.Source }, buildProperties);
        var actual = diagnostics
            .Where(d => d.Id != "SM0010")
            .Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan))
            .ToList();
        Assert.True(
            parsed.Expected.SequenceEqual(actual),
            "Expected:\n  " + string.Join("\n  ", parsed.Expected) + "\nActual:\n  " + string.Join("\n  ", diagnostics.Select(d => d.ToString())));
        return diagnostics;
    }

    /// <summary>The one diagnostic with <paramref name="id"/>.</summary>
    public static Diagnostic Single(this ImmutableArray<Diagnostic> diagnostics, string id) =>
        Assert.Single(diagnostics, d => d.Id == id);

    /// <summary>The message of a diagnostic, split into its lines.</summary>
    public static string[] MessageLines(this Diagnostic diagnostic) =>
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\n');
}
