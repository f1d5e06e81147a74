using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>Turns an exploration result into diagnostics: the engine's sites are the front end's locations.</summary>
internal static class ResultDiagnostics
{
    /// <param name="locate">Maps a site of the result (perhaps from an earlier compilation) to a location in this one.</param>
    public static IEnumerable<Diagnostic> From<TState>(ExplorationResult result, IModel<TState> model, Location modelLocation, Func<object?, Location?> locate)
    {
        foreach (var violation in result.Violations)
        {
            var location = violation.Kind == ViolationKind.Stuck ? modelLocation : (locate(violation.Site) ?? modelLocation);

            // Each step's action, in order, so an IDE can walk the trace and SARIF carries it.
            var steps = violation.StepSites.Select(site => locate(site) ?? modelLocation);
            yield return Diagnostic.Create(DescriptorFor(violation.Kind), location, steps, violation.Message);
        }

        if (result.BoundMessage is { } bound)
        {
            yield return Diagnostic.Create(DiagnosticDescriptors.ExplorationBounded, modelLocation, bound);
        }

        foreach (var action in result.NeverEnabledActions)
        {
            var site = model.Actions[action].Site as Location ?? modelLocation;
            yield return Diagnostic.Create(DiagnosticDescriptors.ActionNeverEnabled, site, result.NeverEnabledMessage(action));
        }

        yield return Diagnostic.Create(DiagnosticDescriptors.Statistics, modelLocation, result.StatisticsMessage);
    }

    private static DiagnosticDescriptor DescriptorFor(ViolationKind kind) => kind switch
    {
        ViolationKind.InvariantViolated => DiagnosticDescriptors.InvariantViolated,
        ViolationKind.Stuck => DiagnosticDescriptors.Stuck,
        ViolationKind.LivenessViolated => DiagnosticDescriptors.LivenessViolated,
        ViolationKind.ExecutionFailed => DiagnosticDescriptors.ExecutionFailed,
        ViolationKind.StepInvariantViolated => DiagnosticDescriptors.StepInvariantViolated,
        _ => DiagnosticDescriptors.NeverReached,
    };
}
