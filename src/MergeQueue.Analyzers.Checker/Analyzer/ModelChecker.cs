using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>Checks one model: front end, then engine, then diagnostics at the model's own source locations.</summary>
internal static class ModelChecker
{
    public static void Check(ModelSource source, CheckerSettings settings, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        // The compiler's errors say what is wrong; anything the checker said about half-typed code would be noise.
        if (CompilerErrors.In(source.Type, source.Compilation, cancellationToken))
        {
            return;
        }

        var nonPartial = NonPartialDeclaration(source.Type, cancellationToken);
        if (nonPartial is not null)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.NotPartial, nonPartial, source.Type.Name));
        }

        var compiled = ModelCompiler.Compile(source, cancellationToken);
        foreach (var diagnostic in compiled.Diagnostics)
        {
            report(diagnostic);
        }

        if (compiled.Model is not { } model)
        {
            return;
        }

        // A class that is not partial has its own warning (SM0111) for the same reason.
        if (nonPartial is null
            && Generator.Parser.WhyNotGenerated(source.Type, source.Compilation, cancellationToken) is { } whyNoExplorer)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.NoExplorer, ModelLocation(source.Type), source.Type.Name, whyNoExplorer));
        }

        if (!settings.Enabled)
        {
            return;
        }

        var options = ExplorationOptionsFor(source.Type, settings, cancellationToken);
        var key = ModelContentKey.For(source, settings, options.MaxStates, options.MaxDepth);
        if (!ExplorationCache.TryGet(key, out var result))
        {
            result = Explorer.Explore(model, options);
            if (result.StoppedBy == ExplorationBound.Cancelled)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ExplorationCache.Add(key, source.Type.ToDisplayString(), result);
        }

        var locations = new LocationMap(source.Compilation);
        foreach (var diagnostic in ResultDiagnostics.From(result, model, ModelLocation(source.Type), locations.Current))
        {
            report(diagnostic);
        }
    }

    // A class is partial when any of its declarations says so; otherwise the one declaration's name is the place to fix.
    private static Location? NonPartialDeclaration(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        Location? location = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not ClassDeclarationSyntax declaration)
            {
                continue;
            }

            if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            location ??= declaration.Identifier.GetLocation();
        }

        return location;
    }

    private static ExplorationOptions ExplorationOptionsFor(INamedTypeSymbol type, CheckerSettings settings, CancellationToken cancellationToken)
    {
        var attribute = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == KnownNames.StateMachineAttribute);
        var maxStates = NamedInt(attribute, "MaxStates");
        return new ExplorationOptions
        {
            // The model's own bound wins over the project's.
            MaxStates = maxStates > 0 ? maxStates : settings.MaxStates,
            MaxDepth = Math.Max(0, NamedInt(attribute, "MaxDepth")),
            Timeout = settings.Timeout,
            MaxMemoryMegabytes = settings.MaxMemoryMegabytes,
            ContinueAfterViolation = settings.ContinueAfterViolation,
            Workers = settings.Workers,
            CancellationToken = cancellationToken,
        };
    }

    private static int NamedInt(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return 0;
    }

    // The class name of the first declaration in a stable order, so partial models report at one place.
    private static Location ModelLocation(INamedTypeSymbol type) =>
        type.Locations
            .Where(l => l.IsInSource)
            .OrderBy(l => l.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(l => l.SourceSpan.Start)
            .FirstOrDefault() ?? Location.None;
}
