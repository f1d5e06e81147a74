using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Places;

/// <summary><c>_</c>.</summary>
internal sealed class DiscardPlace : Place
{
    public static readonly DiscardPlace Instance = new();

    public override Bound Bind(Frame frame) => default;

    public override Value Get(Frame frame, in Bound bound) => default;

    public override void Set(Frame frame, in Bound bound, Value value)
    {
    }
}
