using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// The model's own class as the type of a local, parameter or lambda parameter: a reference to a
/// <see cref="Heap.ModelInstance"/>, compared by reference as C# compares the class, and never part of a state.
/// </summary>
internal sealed class ModelInstanceType(string name, string clrName) : VType(name, clrName)
{
    public override bool IsReference => true;

    public override Value Default => Value.Null;

    public override bool Equal(Value a, Value b) => ReferenceEquals(a.Ref, b.Ref);

    public override long Hash(Value value) => Hashing.NullHash;

    public override int Compare(Value a, Value b) => 0;

    public override void Format(Value value, StringBuilder text) => text.Append(value.Ref is null ? "null" : Name);

    public override void AppendText(Value value, StringBuilder text)
    {
        if (value.Ref is not null)
        {
            text.Append(ClrName);
        }
    }
}
