using System;
using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// The order .NET's <c>Comparer&lt;T&gt;.Default</c> gives keys (<c>OrderBy</c>, <c>Min</c>, sorting), where it is
/// culture-free: integers, chars, enums and bools; tuples of such, compared item by item; and records implementing
/// <c>IComparable&lt;T&gt;</c>, through their interpreted <c>CompareTo</c>.
/// </summary>
internal sealed partial class BodyCompiler
{
    /// <summary>How keys of <paramref name="keyType"/> compare, or null (reported) when .NET's order is not known.</summary>
    private Func<Execution, Value, Value, int>? KeyOrder(ITypeSymbol? keySymbol, IOperation at)
    {
        var keyType = Types.Map(keySymbol);
        if (keyType is not null && IsCultureFreeOrder(keyType))
        {
            return (_, a, b) => keyType.Compare(a, b);
        }

        if (keyType is RecordType { Kind: RecordKind.RecordClass or RecordKind.RecordStruct or RecordKind.Struct } record
            && keySymbol is INamedTypeSymbol named
            && CompareToOf(named) is { } compareTo)
        {
            // CompareTo on a value of the key's type, with `this` the left key; null sorts first, as Comparer<T>.Default does.
            var function = model.Function(compareTo, Loc(at));
            effects.MarkUnknown();
            if (function is null)
            {
                return null;
            }

            int thisSlot = compareTo.Parameters.Length;
            var site = Loc(at);
            bool reference = record.IsReference;
            return (ex, a, b) =>
            {
                if (reference && (a.Ref is null || b.Ref is null))
                {
                    return (a.Ref is null ? 0 : 1) - (b.Ref is null ? 0 : 1);
                }

                var callee = new Frame(function.SlotCount, null, ex);
                callee.Slots[0] = b;
                callee.Slots[thisSlot] = a;
                return (int)Run(ex, function, callee, site).Bits;
            };
        }

        if (keyType is NullableType nullable && keySymbol is INamedTypeSymbol { TypeArguments.Length: 1 } wrapper
            && KeyOrder(wrapper.TypeArguments[0], at) is { } underlyingOrder)
        {
            // Comparer<T?>.Default: null sorts first, present values by T's own order.
            return (ex, a, b) => NullableType.HasValue(a) && NullableType.HasValue(b)
                ? underlyingOrder(ex, nullable.Unwrap(a), nullable.Unwrap(b))
                : (NullableType.HasValue(a) ? 1 : 0) - (NullableType.HasValue(b) ? 1 : 0);
        }

        Report(at, "ordering by '" + (keyType?.Name ?? keySymbol?.ToDisplayString() ?? "?") + "' (only integers, chars, enums, bools, tuples of them and records implementing IComparable<T> have a culture-free order)");
        return null;
    }

    // A tuple compares item by item with each item's default comparer, as ValueTuple does; a nullable puts null first.
    private static bool IsCultureFreeOrder(VType type) =>
        type is IntegerType or EnumType or BoolType
        || (type is NullableType nullable && IsCultureFreeOrder(nullable.Underlying))
        || (type is RecordType { Kind: RecordKind.Tuple } tuple && tuple.FieldTypes.All(IsCultureFreeOrder));

    // The record's own IComparable<T>.CompareTo, written in the source.
    private IMethodSymbol? CompareToOf(INamedTypeSymbol type)
    {
        var comparable = type.AllInterfaces.FirstOrDefault(i =>
            i.Name == "IComparable" && i.TypeArguments.Length == 1 && i.ContainingNamespace?.ToDisplayString() == "System"
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.None), type.WithNullableAnnotation(NullableAnnotation.None)));
        var member = comparable?.GetMembers("CompareTo").OfType<IMethodSymbol>().FirstOrDefault();
        return member is not null && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && model.IsRecordMember(implementation)
            ? implementation
            : null;
    }
}
