namespace MergeQueue.Analyzers.FrontEnd.Values.Heap;

/// <summary>
/// An instance of the model other than the state being checked, which a property made for itself (a clone of the
/// state, <c>this</c> handed to a helper): its own fields, laid out as the state's. It shares mutable objects with
/// the state it was copied from until it takes a copy of its own (<see cref="Own"/>), so no state is ever written.
/// </summary>
internal sealed class ModelInstance(Value[] fields)
{
    private bool[] owned = new bool[fields.Length];

    public Value[] Fields { get; private set; } = fields;

    /// <summary>Makes the field's object this instance's own before a reader may keep or write it (once).</summary>
    public void Own(int slot, VType type)
    {
        if (!owned[slot])
        {
            Fields[slot] = type.DeepCopy(Fields[slot]);
            owned[slot] = true;
        }
    }

    /// <summary>An assignment: the value may be shared with anything, so it is not known to be owned.</summary>
    public void Set(int slot, Value value)
    {
        Fields[slot] = value;
        owned[slot] = false;
    }

    /// <summary>The fields a method run on this instance left (copied where it wrote them).</summary>
    public void Replace(Value[] fields)
    {
        Fields = fields;
        owned = new bool[fields.Length];
    }
}
