using System.Collections.Immutable;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
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

                // Partial classes: blocks arrive from every file before the symbol ends.
                var collector = new ModelBodyCollector(type, context.Compilation);
                symbolStart.RegisterOperationBlockAction(collector.Add);
                symbolStart.RegisterSymbolEndAction(end => ModelChecker.Check(collector.ToSource(), settings, end.ReportDiagnostic, end.CancellationToken));
            },
            SymbolKind.NamedType);
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
