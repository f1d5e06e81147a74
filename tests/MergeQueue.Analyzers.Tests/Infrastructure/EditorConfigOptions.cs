using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>Applies an <c>.editorconfig</c> to a compilation the way the compiler does for a project.</summary>
internal static class EditorConfigOptions
{
    public static Compilation Apply(Compilation compilation, string editorConfig)
    {
        var config = AnalyzerConfig.Parse(editorConfig, "/.editorconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
        var perTree = compilation.SyntaxTrees.ToImmutableDictionary(t => t, t => set.GetOptionsForSourcePath("/" + t.FilePath));
        return compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new Provider(perTree)));
    }

    private sealed class Provider(ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> options) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            options[tree].TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
