namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>
/// One interpreted value. Integers, bools, chars and enums live in <see cref="Bits"/> (normalized to their type's
/// range), everything else is a reference in <see cref="Ref"/>; the static type says which, so no value is boxed.
/// </summary>
internal readonly struct Value
{
    public static readonly Value True = new(1);
    public static readonly Value False = new(0);
    public static readonly Value Null = default;

    public Value(long bits)
    {
        Bits = bits;
        Ref = null;
    }

    public Value(object? reference)
    {
        Bits = 0;
        Ref = reference;
    }

    /// <summary>Both parts: a nullable scalar keeps its value in <see cref="Bits"/> and a presence mark in <see cref="Ref"/>.</summary>
    public Value(long bits, object? reference)
    {
        Bits = bits;
        Ref = reference;
    }

    public long Bits { get; }

    public object? Ref { get; }

    public bool Bool => Bits != 0;

    public static Value Of(bool value) => new(value ? 1 : 0);
}
