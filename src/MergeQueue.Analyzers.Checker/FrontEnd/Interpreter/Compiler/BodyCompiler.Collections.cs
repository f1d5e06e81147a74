using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Collection members: element reads, <c>Length</c>, <c>Count</c>, indexers, <c>Keys</c> and <c>Values</c>.</summary>
internal sealed partial class BodyCompiler
{
    private Expr ArrayElementRead(IArrayElementReferenceOperation operation, Use use)
    {
        if (operation.Indices.Length > 1 && TypeOf(operation.ArrayReference) is MultiArrayType multi)
        {
            return MultiArrayElementRead(operation, multi, use);
        }

        if (operation.Indices.Length != 1 || TypeOf(operation.ArrayReference) is not ArrayType arrayType)
        {
            return Unsupported(operation, "the multi-dimensional array access '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        if (IsIndexOrRange(operation.Indices[0].Type))
        {
            return ArrayIndexOrRange(operation, arrayType, use);
        }

        if (StateElementRead(operation, arrayType) is { } fused)
        {
            return fused;
        }

        Expr index = Nothing;
        var indexEffects = Track(() => index = Index(operation.Indices[0]));
        var array = Expr(operation.ArrayReference, arrayType.Element.HasMutableParts ? use.With(indexEffects) : Use.Peek(indexEffects));
        return frame => Collections.ElementOf(array(frame), index(frame).Bits);
    }

    /// <summary><c>field[variable]</c> on a state array of values, as one closure instead of three; else null.</summary>
    private Expr? StateElementRead(IArrayElementReferenceOperation operation, ArrayType arrayType) =>
        arrayType.Element.HasMutableParts || StateElementOf(operation) is not { } element ? null : element.Read;

    /// <summary>The <see cref="StateElement"/> that <paramref name="operation"/> reads, or null for any other operation.</summary>
    private StateElement? StateElementOf(IOperation operation)
    {
        if (operation is not IArrayElementReferenceOperation { Indices.Length: 1 } element
            || element.ArrayReference is not IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field
            || !model.TryGetField(field.Field, out int array)
            || model.Layout.Types[array] is not ArrayType
            || KindOf(element.Indices[0].Type) is null)
        {
            return null;
        }

        ISymbol? variable = element.Indices[0] switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        return variable is not null && Resolve(variable) is (<= 1 and var hops, var slot) ? new StateElement(array, hops, slot) : null;
    }

    private Expr CollectionProperty(IPropertyReferenceOperation operation, Use use)
    {
        var instance = operation.Instance!;
        var type = TypeOf(instance);
        if (type is null)
        {
            return Nothing;
        }

        string name = operation.Property.Name;
        if (!operation.Property.IsIndexer)
        {
            switch (name)
            {
                case "Rank" when type is MultiArrayType or ArrayType:
                    var ranked = Expr(instance, Use.Peek());
                    int rank = type is MultiArrayType multi ? multi.Rank : 1;
                    return frame => ranked(frame).Ref is null ? throw Errors.NullReference() : new Value(rank);
                case "Length" when type is ArrayType or MultiArrayType or StringType:
                case "Count" when type.ElementType is not null && type is not StringType:
                    var collection = Expr(instance, Use.Peek());
                    return type is StringType
                        ? frame => new Value(((string?)collection(frame).Ref ?? throw Errors.NullReference()).Length)
                        : frame => new Value(Sequences.KnownCount(collection(frame).Ref ?? throw Errors.NullReference()));
                case "Keys" or "Values" when type is DictionaryType:
                    var table = Expr(instance, use);
                    bool keys = name == "Keys";
                    return frame => new Value(new TableView((TableObject)(table(frame).Ref ?? throw Errors.NullReference()), keys));
            }

            return Unsupported(operation, "the property '" + operation.Property.ToDisplayString() + "'");
        }

        Expr argument = Nothing;
        var argumentEffects = Track(() => argument = Expr(operation.Arguments[0].Value));
        var elementUse = type.ElementType is { HasMutableParts: true } || type is DictionaryType { ValueType.HasMutableParts: true }
            ? use.With(argumentEffects)
            : Use.Peek(argumentEffects);
        switch (type)
        {
            case ListType:
                var list = Expr(instance, elementUse);
                return frame => ((ListObject)(list(frame).Ref ?? throw Errors.NullReference()))[argument(frame).Bits];
            case DictionaryType dictionary:
                var map = Expr(instance, elementUse);
                var keyType = dictionary.Key;
                return frame =>
                {
                    var t = (TableObject)(map(frame).Ref ?? throw Errors.NullReference());
                    var key = argument(frame);
                    int slot = t.Find(key);
                    return slot >= 0 ? t.ValueAt(slot) : throw Errors.KeyNotFound(keyType.ToText(key));
                };
            case OpaqueType when operation.Property.ContainingType is { } declaring
                && Shape.KnownSymbols.MetadataName(declaring) is "System.Collections.Generic.IReadOnlyList`1" or "System.Collections.Generic.IList`1":
                // IReadOnlyList<T> and IList<T> hold an array or a List<T>, each with its own exception.
                var indexed = Expr(instance, elementUse);
                return frame =>
                {
                    var sequence = indexed(frame);
                    return sequence.Ref is ListObject items ? items[argument(frame).Bits] : Collections.ElementOf(sequence, argument(frame).Bits);
                };
            case ArrayType:
                // A span's indexer: the span is its array.
                var span = Expr(instance, elementUse);
                return frame => Collections.ElementOf(span(frame), argument(frame).Bits);
            case StringType:
                var text = Expr(instance, Use.Peek());
                return frame =>
                {
                    var s = (string?)text(frame).Ref ?? throw Errors.NullReference();
                    long i = argument(frame).Bits;
                    return (ulong)i < (ulong)s.Length ? new Value(s[(int)i]) : throw Errors.IndexOutOfRange();
                };
            default:
                return Unsupported(operation, "the indexer of '" + type.Name + "'");
        }
    }

    private Expr ArrayCreation(IArrayCreationOperation operation, Use use)
    {
        if (operation.DimensionSizes.Length > 1 && TypeOf(operation) is MultiArrayType multi)
        {
            return MultiArrayCreation(operation, multi);
        }

        if (TypeOf(operation) is not ArrayType arrayType || operation.DimensionSizes.Length != 1)
        {
            return Unsupported(operation, "the multi-dimensional array '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        if (operation.Initializer is { } constants && use.IsPeek && constants.ElementValues.All(IsPlainConstant))
        {
            // As a collection expression of constants (below): built once for a consumer that only reads it.
            var constant = new Value(new ArrayObject(constants.ElementValues.Select(e => Constant(e)(null!)).ToArray()));
            return _ => constant;
        }

        if (operation.Initializer is { } initializer)
        {
            var elements = initializer.ElementValues.Select(e => Expr(e)).ToArray();
            return frame =>
            {
                var items = new Value[elements.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = elements[i](frame);
                }

                return new Value(new ArrayObject(items));
            };
        }

        var size = Expr(operation.DimensionSizes[0]);
        var element = arrayType.Element.Default;
        return frame =>
        {
            long length = size(frame).Bits;
            if (length < 0 || length > int.MaxValue)
            {
                throw Errors.Overflow();
            }

            Allocation.Check(length);
            var items = new Value[length];
            if (element.Ref is not null || element.Bits != 0)
            {
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = element;
                }
            }

            return new Value(new ArrayObject(items));
        };
    }

    /// <summary>
    /// <c>[1, 2, ..rest]</c> as an array, list, set or read-only sequence. One of constants that its consumer only
    /// reads (<c>s.IsSubsetOf([0, 1])</c>, run once per state) is built once: nothing can tell it from a new one.
    /// </summary>
    private Expr CollectionExpression(ICollectionExpressionOperation operation, Use use)
    {
        var type = TypeOf(operation);
        if (type is null)
        {
            return Nothing;
        }

        if (use.IsPeek && type is ArrayType or OpaqueType or ListType or SetType
            && operation.Elements.All(IsPlainConstant))
        {
            var constant = Builder(type, operation)(operation.Elements.Select(e => Constant(e)(null!)).ToList());
            return _ => constant;
        }

        var parts = new List<(bool Spread, Expr Value)>();
        foreach (var element in operation.Elements)
        {
            parts.Add(element is ISpreadOperation spread
                ? (true, Expr(spread.Operand, Carries(Types.Map(spread.Operand.Type)) ? Use.Own : Use.Peek()))
                : (false, Expr(element)));
        }

        var all = parts.ToArray();
        var build = Builder(type, operation);
        return frame =>
        {
            var items = new List<Value>(all.Length);
            foreach (var (spread, value) in all)
            {
                if (spread)
                {
                    items.AddRange(Sequences.Enumerate(value(frame).Ref));
                }
                else
                {
                    items.Add(value(frame));
                }
            }

            return build(items);
        };
    }

    // A constant the interpreter holds (not a floating-point one, which it refuses).
    private static bool IsPlainConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: not (float or double or decimal) };

    /// <summary>Makes a new collection of <paramref name="type"/> from elements in order (duplicates dropped for sets).</summary>
    private System.Func<List<Value>, Value> Builder(VType type, IOperation at)
    {
        switch (type)
        {
            case ArrayType or OpaqueType:
                return items => new Value(new ArrayObject(items.ToArray()));
            case ListType:
                return items => new Value(new ListObject(items.ToArray(), items.Count));
            case QueueType:
                return items => new Value(new QueueObject(items));
            case StackType:
                return items => new Value(new StackObject(items));
            case DictionaryType dictionary:
                return DictionaryBuilder(dictionary);
            case SetType set:
                return items =>
                {
                    var table = new TableObject(set.Key, items.Count);
                    foreach (var item in items)
                    {
                        if (table.Find(item) < 0)
                        {
                            table.Insert(item, default);
                        }
                    }

                    return new Value(table);
                };
            default:
                Report(at, "a collection of type '" + type.Name + "'");
                return _ => default;
        }
    }
}
