using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>
/// Replaces the type parameters of a generic method by its type arguments inside a type or a method
/// (<c>List&lt;T&gt;</c> becomes <c>List&lt;int&gt;</c>), so a generic body is compiled as the constructed method runs.
/// </summary>
internal static class TypeSubstitution
{
    public static ITypeSymbol Apply(ITypeSymbol type, IReadOnlyDictionary<ITypeParameterSymbol, ITypeSymbol> map, Compilation? compilation)
    {
        switch (type)
        {
            case ITypeParameterSymbol parameter:
                return map.TryGetValue(parameter, out var argument) ? argument : type;
            case IArrayTypeSymbol array when compilation is not null:
                var element = Apply(array.ElementType, map, compilation);
                return SymbolEqualityComparer.Default.Equals(element, array.ElementType) ? type : compilation.CreateArrayTypeSymbol(element, array.Rank);
            case INamedTypeSymbol { IsGenericType: true } named when named.ContainingType is not { IsGenericType: true }:
                var arguments = named.TypeArguments.Select(a => Apply(a, map, compilation)).ToArray();
                return arguments.SequenceEqual(named.TypeArguments, SymbolEqualityComparer.Default)
                    ? type
                    : named.OriginalDefinition.Construct(arguments).WithNullableAnnotation(named.NullableAnnotation);
            default:
                return type;
        }
    }

    /// <summary>A method called from a generic body, with the caller's type arguments in place of its type parameters.</summary>
    public static IMethodSymbol Apply(IMethodSymbol method, IReadOnlyDictionary<ITypeParameterSymbol, ITypeSymbol>? map, Compilation? compilation)
    {
        if (map is null || !method.IsGenericMethod || method.ContainingType is { IsGenericType: true })
        {
            return method;
        }

        var arguments = method.TypeArguments.Select(a => Apply(a, map, compilation)).ToArray();
        return arguments.SequenceEqual(method.TypeArguments, SymbolEqualityComparer.Default)
            ? method
            : method.OriginalDefinition.Construct(arguments);
    }

    /// <summary>The map from a constructed generic method's type parameters to its type arguments.</summary>
    public static Dictionary<ITypeParameterSymbol, ITypeSymbol>? Of(IMethodSymbol method)
    {
        if (!method.IsGenericMethod)
        {
            return null;
        }

        var map = new Dictionary<ITypeParameterSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
        var parameters = method.OriginalDefinition.TypeParameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            map[parameters[i]] = method.TypeArguments[i];
        }

        return map;
    }
}
