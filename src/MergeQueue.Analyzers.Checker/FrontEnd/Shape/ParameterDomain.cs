using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>The values one parameter of an action or property ranges over, in domain order.</summary>
internal sealed record ParameterDomain(IParameterSymbol Parameter, VType Type, IReadOnlyList<Value> Values, bool IsProcess)
{
    /// <summary>Each value as an argument list shows it: <c>p: 1</c>.</summary>
    public string Display(int index) => Parameter.Name + ": " + Type.Format(Values[index]);
}
