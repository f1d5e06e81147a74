using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>Where an operation stands in the body it belongs to.</summary>
internal static class OperationTree
{
    /// <summary>The operations that contain <paramref name="operation"/>, innermost first.</summary>
    public static IEnumerable<IOperation> Ancestors(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }

    /// <summary>The body <paramref name="operation"/> belongs to.</summary>
    public static IOperation Root(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>Whether <paramref name="operation"/> is inside a lambda or a local function of its body.</summary>
    public static bool InsideFunction(IOperation operation) =>
        Ancestors(operation).Any(a => a is IAnonymousFunctionOperation or ILocalFunctionOperation);
}
