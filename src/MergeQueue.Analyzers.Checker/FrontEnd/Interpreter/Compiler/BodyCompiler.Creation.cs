using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary><c>new</c>: collections (with capacity, a source sequence or an initializer), pairs, records and structs.</summary>
internal sealed partial class BodyCompiler
{
    /// <summary><c>new { A = a, B = b }</c>, also the pairs C# makes for a query's <c>let</c> and second <c>from</c>.</summary>
    private Expr AnonymousCreation(IAnonymousObjectCreationOperation operation)
    {
        if (TypeOf(operation) is not RecordType { Kind: RecordKind.Anonymous } record)
        {
            return Nothing;
        }

        var members = new Expr[record.FieldTypes.Count];
        foreach (var initializer in operation.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } assignment
                || record.IndexOf(name) is not (>= 0 and var index))
            {
                return Unsupported(initializer, "the anonymous type member '" + Shorten(initializer.Syntax.ToString()) + "'");
            }

            members[index] = Expr(assignment.Value);
        }

        if (members.Any(m => m is null))
        {
            return Unsupported(operation, "the anonymous type '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        return frame =>
        {
            var fields = new Value[members.Length];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = members[i](frame);
            }

            return new Value(new RecordObject(record, fields));
        };
    }

    private Expr ObjectCreation(IObjectCreationOperation operation)
    {
        var type = TypeOf(operation);
        switch (type)
        {
            case null:
                return Nothing;
            case RecordType { Kind: RecordKind.Pair } pair when operation.Arguments.Length == 2:
                var key = Expr(operation.Arguments[0].Value);
                var value = Expr(operation.Arguments[1].Value);
                return frame => new Value(new RecordObject(pair, new[] { key(frame), value(frame) }));
            case RecordType record when record.Kind != RecordKind.Tuple:
                return RecordCreation(operation, record);
            case ListType or QueueType or StackType or SetType or DictionaryType:
                return CollectionCreation(operation, type);
            default:
                return Unsupported(operation, "the creation of '" + type.Name + "'");
        }
    }

    private Expr CollectionCreation(IObjectCreationOperation operation, VType type)
    {
        Func<Frame, List<Value>>? source = null;
        Expr? capacity = null;
        foreach (var argument in operation.Arguments)
        {
            // The copy constructor of a dictionary takes an IDictionary: the dictionary passed is what it reads.
            var passed = StripConversions(argument.Value);
            var argumentType = TypeOf(passed);
            if (argumentType is IntegerType && argument.Parameter?.Name == "capacity")
            {
                capacity = Expr(argument.Value);
            }
            else if (argumentType?.ElementType is not null && argument.Parameter?.Name is "collection" or "dictionary")
            {
                var sequence = Expr(passed, Carries(argumentType.ElementType) ? Use.Own : Use.Peek());
                source = frame => Sequences.Enumerate(sequence(frame).Ref ?? throw Errors.Argument("Value cannot be null.", argument.Parameter!.Name)).ToList();
            }
            else
            {
                return Unsupported(argument, "the constructor argument '" + Shorten(argument.Syntax.ToString()) + "'");
            }
        }

        var build = type is DictionaryType dictionary ? DictionaryBuilder(dictionary) : Builder(type, operation);
        var initializers = CollectionInitializers(operation.Initializer, type);
        return frame =>
        {
            if (capacity is not null)
            {
                Collections.CheckCapacity(capacity(frame).Bits);
            }

            var collection = build(source?.Invoke(frame) ?? new List<Value>());
            foreach (var initialize in initializers)
            {
                initialize(frame, collection.Ref!);
            }

            return collection;
        };
    }

    private static Func<List<Value>, Value> DictionaryBuilder(DictionaryType dictionary) => pairs =>
    {
        var table = new TableObject(dictionary.Key, dictionary.Pair);
        foreach (var pair in pairs)
        {
            var fields = ((RecordObject)pair.Ref!).Fields;
            Collections.AddEntry(table, fields[0], fields[1], dictionary.Key);
        }

        return new Value(table);
    };

    /// <summary>The <c>{ 1, 2 }</c> or <c>{ ["a"] = 1 }</c> of a collection creation, each applied to the new object.</summary>
    private Action<Frame, object>[] CollectionInitializers(IObjectOrCollectionInitializerOperation? initializer, VType type)
    {
        if (initializer is null)
        {
            return Array.Empty<Action<Frame, object>>();
        }

        var steps = new List<Action<Frame, object>>();
        foreach (var element in initializer.Initializers)
        {
            switch (element)
            {
                case IInvocationOperation { TargetMethod.Name: "Add" } add:
                    var arguments = add.Arguments.Select(a => Expr(a.Value)).ToArray();
                    var apply = AddTo(type, add);
                    steps.Add((frame, target) => apply(target, arguments.Select(a => a(frame)).ToArray()));
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                    when type is DictionaryType:
                    var key = Expr(indexer.Arguments[0].Value);
                    var value = Expr(assignment.Value);
                    steps.Add((frame, target) =>
                    {
                        var table = (TableObject)target;
                        var k = key(frame);
                        int slot = table.Find(k);
                        if (slot >= 0)
                        {
                            table.SetValue(slot, value(frame));
                        }
                        else
                        {
                            table.Insert(k, value(frame));
                        }
                    });
                    break;
                default:
                    Report(element, "the initializer '" + Shorten(element.Syntax.ToString()) + "'");
                    break;
            }
        }

        return steps.ToArray();
    }

    private Action<object, Value[]> AddTo(VType type, IOperation at)
    {
        switch (type)
        {
            case ListType:
                return (target, values) => ((ListObject)target).Add(values[0]);
            case SetType:
                return (target, values) => Collections.AddKey((TableObject)target, values[0]);
            case DictionaryType dictionary:
                return (target, values) => Collections.AddEntry((TableObject)target, values[0], values[1], dictionary.Key);
            default:
                Report(at, "a collection initializer for '" + type.Name + "'");
                return (_, _) => { };
        }
    }
}
