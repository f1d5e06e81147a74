using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>C# integer semantics over <see cref="Value.Bits"/>: wrap-around, range checks and text.</summary>
internal static class IntKinds
{
    public static IntKind? From(SpecialType type) => type switch
    {
        SpecialType.System_SByte => IntKind.SByte,
        SpecialType.System_Byte => IntKind.Byte,
        SpecialType.System_Int16 => IntKind.Int16,
        SpecialType.System_UInt16 => IntKind.UInt16,
        SpecialType.System_Char => IntKind.Char,
        SpecialType.System_Int32 => IntKind.Int32,
        SpecialType.System_UInt32 => IntKind.UInt32,
        SpecialType.System_Int64 => IntKind.Int64,
        SpecialType.System_UInt64 => IntKind.UInt64,
        _ => null,
    };

    public static bool IsUnsigned(IntKind kind) => kind is IntKind.Byte or IntKind.UInt16 or IntKind.Char or IntKind.UInt32 or IntKind.UInt64;

    /// <summary>Truncates to the kind's width, as an unchecked C# conversion does.</summary>
    public static long Wrap(IntKind kind, long bits) => kind switch
    {
        IntKind.SByte => (sbyte)bits,
        IntKind.Byte => (byte)bits,
        IntKind.Int16 => (short)bits,
        IntKind.UInt16 or IntKind.Char => (ushort)bits,
        IntKind.Int32 => (int)bits,
        IntKind.UInt32 => (uint)bits,
        _ => bits,
    };

    public static long Min(IntKind kind) => kind switch
    {
        IntKind.SByte => sbyte.MinValue,
        IntKind.Int16 => short.MinValue,
        IntKind.Int32 => int.MinValue,
        IntKind.Int64 => long.MinValue,
        _ => 0,
    };

    /// <summary>The largest value; <see cref="long.MaxValue"/> stands for ulong's (compare unsigned values separately).</summary>
    public static long Max(IntKind kind) => kind switch
    {
        IntKind.SByte => sbyte.MaxValue,
        IntKind.Byte => byte.MaxValue,
        IntKind.Int16 => short.MaxValue,
        IntKind.UInt16 or IntKind.Char => ushort.MaxValue,
        IntKind.Int32 => int.MaxValue,
        IntKind.UInt32 => uint.MaxValue,
        _ => long.MaxValue,
    };

    /// <summary>Whether a value of kind <paramref name="from"/> fits in <paramref name="to"/> (a checked conversion).</summary>
    public static bool Fits(IntKind from, long bits, IntKind to)
    {
        if (from == IntKind.UInt64 && bits < 0)
        {
            return to == IntKind.UInt64;
        }

        if (to == IntKind.UInt64)
        {
            return bits >= 0;
        }

        return bits >= Min(to) && bits <= Max(to);
    }

    public static int Compare(IntKind kind, long a, long b) =>
        kind == IntKind.UInt64 ? ((ulong)a).CompareTo((ulong)b) : a.CompareTo(b);

    /// <summary>
    /// What the type's own <c>CompareTo</c> returns: the difference for the types narrower than int (<c>short</c>,
    /// <c>byte</c>, <c>char</c>...), whose difference cannot overflow; -1, 0 or 1 for the others.
    /// </summary>
    public static int CompareTo(IntKind kind, long a, long b) =>
        kind is IntKind.SByte or IntKind.Byte or IntKind.Int16 or IntKind.UInt16 or IntKind.Char ? (int)(a - b) : Compare(kind, a, b);

    public static string ToText(IntKind kind, long bits) => kind switch
    {
        IntKind.UInt64 => ((ulong)bits).ToString(CultureInfo.InvariantCulture),
        IntKind.Char => ((char)bits).ToString(),
        _ => bits.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The bits of a constant as Roslyn folds it (boxed of any integral type, or char).</summary>
    public static long FromConstant(object value) => value switch
    {
        ulong u => unchecked((long)u),
        char c => c,
        bool b => b ? 1 : 0,
        IConvertible convertible => convertible.ToInt64(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("not an integral constant", nameof(value)),
    };
}
