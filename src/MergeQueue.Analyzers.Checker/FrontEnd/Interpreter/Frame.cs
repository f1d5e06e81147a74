using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// The variables of one running function: parameters and locals in slots numbered at compile time. A lambda or
/// local function reaches its enclosing function's variables through <see cref="Parent"/>.
/// </summary>
internal sealed class Frame(int slots, Frame? parent, Execution execution)
{
    public Value[] Slots { get; } = slots == 0 ? System.Array.Empty<Value>() : new Value[slots];

    public Frame? Parent { get; } = parent;

    public Execution Ex { get; } = execution;

    /// <summary>A frame with this one's variables as they are now, for a lambda that keeps one loop iteration's.</summary>
    public Frame Snapshot()
    {
        var copy = new Frame(Slots.Length, Parent, Ex);
        Slots.CopyTo(copy.Slots, 0);
        return copy;
    }

    public Frame Up(int hops)
    {
        var frame = this;
        for (int i = 0; i < hops; i++)
        {
            frame = frame.Parent!;
        }

        return frame;
    }
}
