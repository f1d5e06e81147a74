using System;
using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>string</c>: ordinal equality and order, quoted in traces.</summary>
internal sealed class StringType() : VType("string", "System.String")
{
    public override bool IsReference => true;

    public override VType? ElementType => Char;

    public static IntegerType Char { get; } = new(IntKind.Char, "char", "System.Char");

    public override bool Equal(Value a, Value b) => string.Equals((string?)a.Ref, (string?)b.Ref, StringComparison.Ordinal);

    public override long Hash(Value value) => value.Ref is string s ? Hashing.String(s) : Hashing.NullHash;

    public override int Compare(Value a, Value b) => string.CompareOrdinal((string?)a.Ref, (string?)b.Ref);

    public override void Format(Value value, StringBuilder text)
    {
        if (value.Ref is string s)
        {
            Engine.LiteralText.AppendQuoted(text, s, '"');
        }
        else
        {
            text.Append("null");
        }
    }

    public override void AppendText(Value value, StringBuilder text) => text.Append((string?)value.Ref);
}
