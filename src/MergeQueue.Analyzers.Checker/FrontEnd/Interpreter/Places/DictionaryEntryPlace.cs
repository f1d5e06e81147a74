using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary><c>dictionary[key]</c>: reading a missing key throws, writing adds it.</summary>
internal sealed class DictionaryEntryPlace(Expr dictionary, Expr key, VType keyType) : Place
{
    public override Bound Bind(Frame frame)
    {
        var target = dictionary(frame).Ref ?? throw Errors.NullReference();
        return new Bound(target, 0, key(frame));
    }

    public override Value Get(Frame frame, in Bound bound)
    {
        var table = (TableObject)bound.Target!;
        int slot = table.Find(bound.Key);
        return slot >= 0 ? table.ValueAt(slot) : throw Errors.KeyNotFound(keyType.ToText(bound.Key));
    }

    public override void Set(Frame frame, in Bound bound, Value value)
    {
        var table = (TableObject)bound.Target!;
        int slot = table.Find(bound.Key);
        if (slot >= 0)
        {
            table.SetValue(slot, value);
        }
        else
        {
            table.Insert(bound.Key, value);
        }
    }
}
