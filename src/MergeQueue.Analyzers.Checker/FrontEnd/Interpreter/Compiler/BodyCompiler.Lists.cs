using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Methods of <c>List&lt;T&gt;</c>, <c>Queue&lt;T&gt;</c> and <c>Stack&lt;T&gt;</c>.</summary>
internal sealed partial class BodyCompiler
{
    private static Value Invoke(Frame frame, Value closure, Value argument) =>
        Collections.As<Closure>(closure).Invoke(frame.Ex, argument);

    private Library? ListMethod(IInvocationOperation operation, ListType type)
    {
        var element = type.Element;
        int count = operation.Arguments.Length;
        switch (operation.TargetMethod.Name)
        {
            case "Add":
                return (_, r, v, _) =>
                {
                    ((ListObject)r!).Add(v[0]);
                    return default;
                };
            case "AddRange":
                return (_, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    foreach (var item in Sequences.Enumerate(v[0].Ref).ToList())
                    {
                        list.Add(item);
                    }

                    return default;
                };
            case "Insert":
                return (_, r, v, _) =>
                {
                    ((ListObject)r!).Insert(v[0].Bits, v[1]);
                    return default;
                };
            case "Remove":
                return (_, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    int index = list.IndexOf(v[0], element);
                    if (index >= 0)
                    {
                        list.RemoveAt(index);
                    }

                    return Value.Of(index >= 0);
                };
            case "RemoveAt":
                return (_, r, v, _) =>
                {
                    ((ListObject)r!).RemoveAt(v[0].Bits);
                    return default;
                };
            case "RemoveAll":
                return (frame, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    var kept = new List<Value>();
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (!Invoke(frame, v[0], list.Items[i]).Bool)
                        {
                            kept.Add(list.Items[i]);
                        }
                    }

                    int removed = list.Count - kept.Count;
                    list.Clear();
                    kept.ForEach(list.Add);
                    return new Value(removed);
                };
            case "RemoveRange" or "GetRange" when count == 2:
                bool remove = operation.TargetMethod.Name == "RemoveRange";
                return (_, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    int index = CheckRange(list, v[0].Bits, v[1].Bits);
                    var items = list.Items.Take(list.Count).ToList();
                    var range = items.GetRange(index, (int)v[1].Bits);
                    if (!remove)
                    {
                        return new Value(new ListObject(range.ToArray(), range.Count));
                    }

                    items.RemoveRange(index, range.Count);
                    Refill(list, items);
                    return default;
                };
            case "InsertRange" when count == 2:
                return (_, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    long index = v[0].Bits;
                    var inserted = Sequences.Enumerate(v[1].Ref ?? throw ModelException.Of("ArgumentNullException", "Value cannot be null. (Parameter 'collection')")).ToList();
                    if ((ulong)index > (ulong)list.Count)
                    {
                        throw Errors.ListInsertIndex();
                    }

                    var items = list.Items.Take(list.Count).ToList();
                    items.InsertRange((int)index, inserted);
                    Refill(list, items);
                    return default;
                };
            case "Clear" when count == 0:
                return (_, r, _, _) =>
                {
                    ((ListObject)r!).Clear();
                    return default;
                };
            case "Contains":
                return (_, r, v, _) => Value.Of(((ListObject)r!).IndexOf(v[0], element) >= 0);
            case "IndexOf" when count == 1:
                return (_, r, v, _) => new Value(((ListObject)r!).IndexOf(v[0], element));
            case "Reverse" when count == 0:
                return (_, r, _, _) =>
                {
                    ((ListObject)r!).Reverse();
                    return default;
                };
            case "Sort" when count == 0 && element is IntegerType or EnumType or BoolType:
                return (_, r, _, _) =>
                {
                    var list = (ListObject)r!;
                    var sorted = list.Items.Take(list.Count).OrderBy(x => x, Comparer<Value>.Create(element.Compare)).ToList();
                    list.Clear();
                    sorted.ForEach(list.Add);
                    return default;
                };
            case "ToArray":
                return (_, r, _, _) => new Value(new ArrayObject(((ListObject)r!).Copy().Items));
            case "ForEach" when count == 1:
                return (frame, r, v, _) =>
                {
                    foreach (var item in (ListObject)r!)
                    {
                        Invoke(frame, v[0], item);
                    }

                    return default;
                };
            case "Exists" or "TrueForAll" or "Find" or "FindIndex" when count == 1:
                string name = operation.TargetMethod.Name;
                var fallback = element.Default;
                return (frame, r, v, _) =>
                {
                    var list = (ListObject)r!;
                    for (int i = 0; i < list.Count; i++)
                    {
                        bool holds = Invoke(frame, v[0], list.Items[i]).Bool;
                        if (holds != (name == "TrueForAll"))
                        {
                            return name switch
                            {
                                "Exists" => Value.True,
                                "TrueForAll" => Value.False,
                                "Find" => list.Items[i],
                                _ => new Value(i),
                            };
                        }
                    }

                    return name switch
                    {
                        "Exists" => Value.False,
                        "TrueForAll" => Value.True,
                        "Find" => fallback,
                        _ => new Value(-1),
                    };
                };
            default:
                return null;
        }
    }

    /// <summary>.NET's checks of <c>List.GetRange</c>/<c>RemoveRange</c>'s <paramref name="index"/> and <paramref name="count"/>.</summary>
    private static int CheckRange(ListObject list, long index, long count)
    {
        if (index < 0)
        {
            throw Errors.ArgumentOutOfRange("Non-negative number required.", "index");
        }

        if (count < 0)
        {
            throw Errors.ArgumentOutOfRange("Non-negative number required.", "count");
        }

        if (list.Count - index < count)
        {
            throw ModelException.Of("ArgumentException", "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
        }

        return (int)index;
    }

    private static void Refill(ListObject list, List<Value> items)
    {
        list.Clear();
        items.ForEach(list.Add);
    }

    private Library? QueueMethod(IInvocationOperation operation, QueueType type)
    {
        var element = type.Element;
        var empty = element.Default;
        switch (operation.TargetMethod.Name)
        {
            case "Enqueue":
                return (_, r, v, _) =>
                {
                    ((QueueObject)r!).Enqueue(v[0]);
                    return default;
                };
            case "Dequeue":
                return (_, r, _, _) => ((QueueObject)r!).Dequeue();
            case "Peek":
                return (_, r, _, _) => ((QueueObject)r!).Peek();
            case "TryDequeue" or "TryPeek":
                bool remove = operation.TargetMethod.Name == "TryDequeue";
                return (_, r, _, set) =>
                {
                    var queue = (QueueObject)r!;
                    bool any = queue.Count > 0;
                    set(0, any ? (remove ? queue.Dequeue() : queue.Peek()) : empty);
                    return Value.Of(any);
                };
            case "Clear":
                return (_, r, _, _) =>
                {
                    ((QueueObject)r!).Clear();
                    return default;
                };
            case "Contains":
                return (_, r, v, _) => Value.Of(((QueueObject)r!).Any(x => element.ValueEquals(x, v[0])));
            case "ToArray":
                return (_, r, _, _) => new Value(new ArrayObject(((QueueObject)r!).ToArray()));
            default:
                return null;
        }
    }

    private Library? StackMethod(IInvocationOperation operation, StackType type)
    {
        var element = type.Element;
        var empty = element.Default;
        switch (operation.TargetMethod.Name)
        {
            case "Push":
                return (_, r, v, _) =>
                {
                    ((StackObject)r!).Push(v[0]);
                    return default;
                };
            case "Pop":
                return (_, r, _, _) => ((StackObject)r!).Pop();
            case "Peek":
                return (_, r, _, _) => ((StackObject)r!).Peek();
            case "TryPop" or "TryPeek":
                bool remove = operation.TargetMethod.Name == "TryPop";
                return (_, r, _, set) =>
                {
                    var stack = (StackObject)r!;
                    bool any = stack.Count > 0;
                    set(0, any ? (remove ? stack.Pop() : stack.Peek()) : empty);
                    return Value.Of(any);
                };
            case "Clear":
                return (_, r, _, _) =>
                {
                    ((StackObject)r!).Clear();
                    return default;
                };
            case "Contains":
                return (_, r, v, _) => Value.Of(((StackObject)r!).Any(x => element.ValueEquals(x, v[0])));
            case "ToArray":
                return (_, r, _, _) => new Value(new ArrayObject(((StackObject)r!).ToArray()));
            default:
                return null;
        }
    }
}
