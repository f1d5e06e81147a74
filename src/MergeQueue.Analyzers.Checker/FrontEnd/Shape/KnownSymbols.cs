using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Types the front end recognizes, matched by metadata name: the attributes assembly is never loaded, and a
/// compilation may see a BCL type through several references.
/// </summary>
internal static class KnownSymbols
{
    public const string Namespace = "MergeQueue.Analyzers";
    public const string StateMachine = "MergeQueue.Analyzers.StateMachineAttribute";
    public const string Action = "MergeQueue.Analyzers.ActionAttribute";
    public const string Invariant = "MergeQueue.Analyzers.InvariantAttribute";
    public const string Terminal = "MergeQueue.Analyzers.TerminalAttribute";
    public const string Eventually = "MergeQueue.Analyzers.EventuallyAttribute";
    public const string AlwaysEventually = "MergeQueue.Analyzers.AlwaysEventuallyAttribute";
    public const string LeadsTo = "MergeQueue.Analyzers.LeadsToAttribute";
    public const string Reachable = "MergeQueue.Analyzers.ReachableAttribute";
    public const string Constraint = "MergeQueue.Analyzers.ConstraintAttribute";
    public const string StepInvariant = "MergeQueue.Analyzers.StepInvariantAttribute";
    public const string Range = "MergeQueue.Analyzers.RangeAttribute";
    public const string Values = "MergeQueue.Analyzers.ValuesAttribute";
    public const string Process = "MergeQueue.Analyzers.ProcessAttribute";
    public const string Spec = "MergeQueue.Analyzers.Spec";

    /// <summary>The tag type of the copy constructor the generator adds to a model; that constructor is no model's own.</summary>
    public const string GeneratedCopyTag = "__MergeQueueCopy";

    public const string List = "System.Collections.Generic.List`1";
    public const string Queue = "System.Collections.Generic.Queue`1";
    public const string Stack = "System.Collections.Generic.Stack`1";
    public const string HashSet = "System.Collections.Generic.HashSet`1";
    public const string Dictionary = "System.Collections.Generic.Dictionary`2";
    public const string KeyValuePair = "System.Collections.Generic.KeyValuePair`2";
    public const string CollectionExtensions = "System.Collections.Generic.CollectionExtensions";
    public const string Enumerable = "System.Linq.Enumerable";
    public const string Math = "System.Math";
    public const string Array = "System.Array";
    public const string Exception = "System.Exception";

    /// <summary>The namespace-qualified metadata name of a type's definition: <c>System.Collections.Generic.List`1</c>.</summary>
    public static string MetadataName(ITypeSymbol? type)
    {
        if (type is null)
        {
            return string.Empty;
        }

        var definition = type.OriginalDefinition;
        string name = definition.MetadataName;
        if (definition.ContainingType is { } outer)
        {
            return MetadataName(outer) + "+" + name;
        }

        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    public static bool Is(ITypeSymbol? type, string metadataName) => MetadataName(type) == metadataName;

    public static bool IsAttribute(AttributeData attribute, string metadataName) => Is(attribute.AttributeClass, metadataName);

    public static bool DerivesFrom(ITypeSymbol? type, string metadataName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, metadataName))
            {
                return true;
            }
        }

        return false;
    }
}
