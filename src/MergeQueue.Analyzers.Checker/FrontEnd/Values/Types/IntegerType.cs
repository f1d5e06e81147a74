using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>An integral type or char.</summary>
internal sealed class IntegerType(IntKind kind, string name, string clrName) : VType(name, clrName)
{
    public IntKind Kind { get; } = kind;

    public override bool Equal(Value a, Value b) => a.Bits == b.Bits;

    public override long Hash(Value value) => Hashing.Mix(value.Bits);

    public override int Compare(Value a, Value b) => IntKinds.Compare(Kind, a.Bits, b.Bits);

    public override void Format(Value value, StringBuilder text)
    {
        if (Kind == IntKind.Char)
        {
            Engine.LiteralText.AppendQuoted(text, ((char)value.Bits).ToString(), '\'');
        }
        else
        {
            text.Append(IntKinds.ToText(Kind, value.Bits));
        }
    }

    public override void AppendText(Value value, StringBuilder text) => text.Append(IntKinds.ToText(Kind, value.Bits));
}
