using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>One <c>[Action]</c> method; <see cref="FairnessGroup"/> is the attribute's group name, or null.</summary>
internal sealed record ActionShape(IMethodSymbol Method, ActionFairness Fairness, IReadOnlyList<ParameterDomain> Domains, Location Location, string? FairnessGroup = null)
{
    public bool ReturnsBool => Method.ReturnType.SpecialType == SpecialType.System_Boolean;
}
