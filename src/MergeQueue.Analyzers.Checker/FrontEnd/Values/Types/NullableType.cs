using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// <c>T?</c> for a value type <c>T</c>. Null is a null <see cref="Value.Ref"/>, so every null test the interpreter
/// makes on references (<c>is null</c>, <c>??</c>, <c>?.</c>) holds for it too. A present scalar (bool, integer,
/// char, enum) keeps its bits and carries <see cref="Present"/> as its reference; a present struct, record struct or
/// tuple is its own object, which is never null.
/// </summary>
internal sealed class NullableType(VType underlying)
    : VType(underlying.Name + "?", "System.Nullable`1[" + underlying.ClrName + "]")
{
    /// <summary>The reference a present scalar carries: any non-null object would do, one is enough.</summary>
    public static readonly object Present = new();

    private readonly bool scalar = underlying is BoolType or IntegerType or EnumType;

    public VType Underlying { get; } = underlying;

    public override bool IsReference => true;

    public override bool HasMutableParts => Underlying.HasMutableParts;

    public override IEnumerable<VType> Parts => new[] { Underlying };

    public override Value Default => Value.Null;

    public static bool HasValue(Value value) => value.Ref is not null;

    /// <summary>The underlying value of a present one (<c>x.Value</c> after the null test).</summary>
    public Value Unwrap(Value value) => scalar ? new Value(value.Bits) : value;

    /// <summary><c>T -> T?</c>.</summary>
    public Value Wrap(Value value) => scalar ? new Value(value.Bits, Present) : value;

    // .NET's EqualityComparer<T?>.Default: null equals only null.
    public override bool Equal(Value a, Value b) =>
        HasValue(a) == HasValue(b) && (!HasValue(a) || Underlying.Equal(Unwrap(a), Unwrap(b)));

    public override bool ValueEquals(Value a, Value b) =>
        HasValue(a) == HasValue(b) && (!HasValue(a) || Underlying.ValueEquals(Unwrap(a), Unwrap(b)));

    public override long Hash(Value value) =>
        HasValue(value) ? Hashing.Combine(Hashing.Seed, Underlying.Hash(Unwrap(value))) : Hashing.NullHash;

    // Comparer<T?>.Default: null sorts before every value.
    public override int Compare(Value a, Value b) =>
        HasValue(a) && HasValue(b) ? Underlying.Compare(Unwrap(a), Unwrap(b)) : (HasValue(a) ? 1 : 0) - (HasValue(b) ? 1 : 0);

    public override Value DeepCopy(Value value) => HasValue(value) ? Wrap(Underlying.DeepCopy(Unwrap(value))) : value;

    public override void Freeze(Value value, Freezer freezer)
    {
        if (HasValue(value))
        {
            Underlying.Freeze(Unwrap(value), freezer);
        }
    }

    public override void Format(Value value, StringBuilder text)
    {
        if (HasValue(value))
        {
            Underlying.Format(Unwrap(value), text);
        }
        else
        {
            text.Append("null");
        }
    }

    // Nullable<T>.ToString() is the empty string when there is no value.
    public override void AppendText(Value value, StringBuilder text)
    {
        if (HasValue(value))
        {
            Underlying.AppendText(Unwrap(value), text);
        }
    }
}
