using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>An enum: stored as its underlying integer, printed by member name as .NET's <c>ToString()</c> does.</summary>
internal sealed class EnumType : VType
{
    private readonly Dictionary<long, string> names = new();

    public EnumType(string name, string clrName, IntKind underlying, IReadOnlyList<(string Name, long Bits)> members, bool isFlags)
        : base(name, clrName)
    {
        Underlying = underlying;
        Members = members;
        IsFlags = isFlags;
        foreach (var (memberName, bits) in members)
        {
            // With aliases, the first declared name wins.
            if (!names.ContainsKey(bits))
            {
                names.Add(bits, memberName);
            }
        }
    }

    public IntKind Underlying { get; }

    /// <summary>The members in declaration order.</summary>
    public IReadOnlyList<(string Name, long Bits)> Members { get; }

    public bool IsFlags { get; }

    /// <summary>Whether some member has the value: .NET's <c>Enum.IsDefined</c> on an integer.</summary>
    public bool IsDefined(long bits) => names.ContainsKey(bits);

    public override bool Equal(Value a, Value b) => a.Bits == b.Bits;

    public override long Hash(Value value) => Hashing.Mix(value.Bits);

    public override int Compare(Value a, Value b) => IntKinds.Compare(Underlying, a.Bits, b.Bits);

    public override void Format(Value value, StringBuilder text) => AppendText(value, text);

    public override void AppendText(Value value, StringBuilder text)
    {
        if (names.TryGetValue(value.Bits, out var name))
        {
            text.Append(name);
        }
        else if (!IsFlags || !AppendFlags(value.Bits, text))
        {
            text.Append(IntKinds.ToText(Underlying, value.Bits));
        }
    }

    // Flags text as .NET prints it: the set members from the highest value down, joined by ", ".
    private bool AppendFlags(long bits, StringBuilder text)
    {
        var parts = new List<(long Bits, string Name)>();
        long rest = bits;
        foreach (var pair in names)
        {
            parts.Add((pair.Key, pair.Value));
        }

        parts.Sort((a, b) => IntKinds.Compare(Underlying, b.Bits, a.Bits));
        var chosen = new List<string>();
        foreach (var (memberBits, memberName) in parts)
        {
            if (memberBits != 0 && (rest & memberBits) == memberBits)
            {
                chosen.Add(memberName);
                rest &= ~memberBits;
            }
        }

        if (rest != 0 || chosen.Count == 0)
        {
            return false;
        }

        chosen.Reverse();
        text.Append(string.Join(", ", chosen));
        return true;
    }
}
