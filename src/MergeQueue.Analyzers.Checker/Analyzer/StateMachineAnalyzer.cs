using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>
/// Checks every <c>[StateMachine]</c> class at compile time: builds the interpreted model from its members'
/// operation trees, explores it with the engine and reports each violation with its trace.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StateMachineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Resolved once per compilation: a project that does not reference the attributes pays nothing.
        var stateMachineAttribute = context.Compilation.GetTypeByMetadataName(KnownNames.StateMachineAttribute);
        if (stateMachineAttribute is null)
        {
            return;
        }

        var settings = CheckerSettings.Read(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        context.RegisterSymbolStartAction(
            symbolStart =>
            {
                if (symbolStart.Symbol is not INamedTypeSymbol type || !HasAttribute(type, stateMachineAttribute))
                {
                    return;
                }

                // A part in a file the compiler hides from analyzers would be left out of the model: say so instead.
                if (HiddenPart(type, context.Options.AnalyzerConfigOptionsProvider, symbolStart.CancellationToken) is { } hidden)
                {
                    symbolStart.RegisterSymbolEndAction(end => end.ReportDiagnostic(hidden));
                    return;
                }

                // Partial classes: blocks arrive from every file before the symbol ends.
                var collector = new ModelBodyCollector(type, context.Compilation);
                symbolStart.RegisterOperationBlockAction(collector.Add);
                symbolStart.RegisterSymbolEndAction(end => ModelChecker.Check(collector.ToSource(), settings, end.ReportDiagnostic, end.CancellationToken));
            },
            SymbolKind.NamedType);
    }

    /// <summary>SM0117 at the class name in a visible part, when another part is in a file treated as generated code.</summary>
    private static Diagnostic? HiddenPart(INamedTypeSymbol type, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        SyntaxTree? hidden = null;
        Location? visible = null;
        foreach (var reference in type.DeclaringSyntaxReferences.OrderBy(r => r.SyntaxTree.FilePath, StringComparer.Ordinal))
        {
            var tree = reference.SyntaxTree;
            if (GeneratedFiles.IsOwn(tree))
            {
                continue;
            }

            if (GeneratedFiles.HiddenFromAnalyzers(tree, options))
            {
                hidden ??= tree;
            }
            else if (visible is null && reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration)
            {
                visible = declaration.Identifier.GetLocation();
            }
        }

        return hidden is null || visible is null
            ? null
            : Diagnostic.Create(DiagnosticDescriptors.HiddenPart, visible, type.Name, Path.GetFileName(hidden.FilePath), GeneratedFiles.Why(hidden, options));
    }

    private static bool HasAttribute(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
