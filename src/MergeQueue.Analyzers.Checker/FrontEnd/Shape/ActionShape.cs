using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>One <c>[Action]</c> method; <see cref="FairnessGroup"/> is the attribute's group name, or null.</summary>
internal sealed record ActionShape(IMethodSymbol Method, ActionFairness Fairness, IReadOnlyList<ParameterDomain> Domains, Location Location, string? FairnessGroup = null)
{
    /// <summary>The leading statements both back ends test apart from the action's body; null when there are none.</summary>
    public GuardShape? Guard { get; init; }

    public bool ReturnsBool => Method.ReturnType.SpecialType == SpecialType.System_Boolean;
}
