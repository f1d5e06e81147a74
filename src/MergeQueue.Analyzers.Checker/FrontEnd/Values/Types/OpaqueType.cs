using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// Delegates and sequence interfaces (<c>Func&lt;int, bool&gt;</c>, <c>IEnumerable&lt;int&gt;</c>): values a model
/// passes around while it computes, never part of a state.
/// </summary>
internal sealed class OpaqueType(string name, string clrName, VType? element) : VType(name, clrName)
{
    public override VType? ElementType => element;

    // A sequence is never state, but it may hand out mutable elements.
    public override bool HasMutableParts => element is { HasMutableParts: true };

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
