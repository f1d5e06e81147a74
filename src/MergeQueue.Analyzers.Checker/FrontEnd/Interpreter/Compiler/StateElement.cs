using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// <c>field[variable]</c>: a state array field indexed by a variable of the running function or of the one
/// enclosing it, the commonest read of a model (a status per process), read without the closures of its parts.
/// </summary>
internal sealed class StateElement(int field, int hops, int slot)
{
    /// <summary>The state field holding the array.</summary>
    public int Field { get; } = field;

    public Value Read(Frame frame) =>
        Collections.ElementOf(frame.Ex.Fields[Field], (hops == 0 ? frame : frame.Parent!).Slots[slot].Bits);
}
