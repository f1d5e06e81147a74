using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>bool</c>: <c>true</c> in traces, <c>True</c> in .NET text.</summary>
internal sealed class BoolType() : VType("bool", "System.Boolean")
{
    public override bool Equal(Value a, Value b) => a.Bits == b.Bits;

    public override long Hash(Value value) => Hashing.Mix(value.Bits);

    public override int Compare(Value a, Value b) => a.Bits.CompareTo(b.Bits);

    public override void Format(Value value, StringBuilder text) => text.Append(value.Bool ? "true" : "false");

    public override void AppendText(Value value, StringBuilder text) => text.Append(value.Bool ? "True" : "False");
}
