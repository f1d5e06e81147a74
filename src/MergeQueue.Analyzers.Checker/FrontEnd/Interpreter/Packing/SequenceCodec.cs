using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// A <c>List&lt;T&gt;</c>, <c>Queue&lt;T&gt;</c> or <c>Stack&lt;T&gt;</c>: null as -1, else its count and its elements
/// in enumeration order (index order, dequeue order, pop order).
/// </summary>
internal sealed class SequenceCodec(VType type, ValueCodec element, int id) : ValueCodec(id)
{
    private readonly IndexedCollectionType collection = (IndexedCollectionType)type;

    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        if (value.Ref is not HeapObject sequence)
        {
            writer.WriteLength(-1);
            return;
        }

        context.Visit(sequence);
        int count = collection.CountOf(sequence);
        context.BeforeLong(count);
        writer.WriteLength(count);
        if (sequence is ListObject list)
        {
            // The common case without a virtual call an element.
            var items = list.Items;
            for (int i = 0; i < count; i++)
            {
                element.Write(items[i], writer, context);
            }

            return;
        }

        for (int i = 0; i < count; i++)
        {
            element.Write(collection.ItemAt(sequence, i), writer, context);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        int count = reader.ReadLength();
        if (count < 0)
        {
            return Value.Null;
        }

        context.BeforeLong(count);
        ref object? pooled = ref context.Next(Id);
        switch (collection)
        {
            case ListType:
                var list = pooled as ListObject ?? (ListObject)(pooled = new ListObject(count));
                list.Clear();
                for (int i = 0; i < count; i++)
                {
                    list.Add(element.Read(ref reader, context));
                }

                return new Value(list);
            case QueueType:
                var queue = pooled as QueueObject ?? (QueueObject)(pooled = new QueueObject());
                queue.Clear();
                for (int i = 0; i < count; i++)
                {
                    queue.Enqueue(element.Read(ref reader, context));
                }

                return new Value(queue);
            default:
                var stack = pooled as StackObject ?? (StackObject)(pooled = new StackObject());
                stack.Clear();

                // Written top first; pushed bottom first.
                var items = context.Values(Id, count);
                for (int i = 0; i < count; i++)
                {
                    items[i] = element.Read(ref reader, context);
                }

                for (int i = count - 1; i >= 0; i--)
                {
                    stack.Push(items[i]);
                }

                System.Array.Clear(items, 0, count);
                return new Value(stack);
        }
    }

    public override void Skip(ref StateReader reader)
    {
        int count = reader.ReadLength();
        for (int i = 0; i < count; i++)
        {
            element.Skip(ref reader);
        }
    }
}
