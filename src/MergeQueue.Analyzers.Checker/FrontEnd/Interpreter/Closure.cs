using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>A delegate value: a lambda with the frame it captured, or a method group of the model.</summary>
internal sealed class Closure(CompiledFunction function, Frame? captured)
{
    // LINQ calls a lambda once per element; without nested closures one frame serves every call. The spare is
    // busy during a call of the run that took it: a run that ended in an exception does not keep it.
    private Frame? spare;
    private long spareBusyIn = -1;

    public CompiledFunction Function { get; } = function;

    public Value Invoke(Execution execution, Value argument)
    {
        var frame = Rent(execution, out bool rented);
        frame.Slots[0] = argument;
        return Run(execution, frame, rented);
    }

    public Value Invoke(Execution execution, Value first, Value second)
    {
        var frame = Rent(execution, out bool rented);
        frame.Slots[0] = first;
        frame.Slots[1] = second;
        return Run(execution, frame, rented);
    }

    public Value Invoke(Execution execution, Value[] arguments)
    {
        var frame = Rent(execution, out bool rented);
        arguments.CopyTo(frame.Slots, 0);
        return Run(execution, frame, rented);
    }

    private Frame Rent(Execution execution, out bool rented)
    {
        rented = !Function.CapturesFrame && spareBusyIn != execution.RunNumber;
        if (!rented)
        {
            return new Frame(Function.SlotCount, captured, execution);
        }

        spareBusyIn = execution.RunNumber;
        if (spare is null || spare.Ex != execution)
        {
            spare = new Frame(Function.SlotCount, captured, execution);
        }

        return spare;
    }

    private Value Run(Execution execution, Frame frame, bool rented)
    {
        execution.Tick(null);
        var site = execution.Site;
        execution.EnterCall();
        var result = Function.Run(frame);
        execution.ExitCall();
        execution.Site = site;
        if (rented)
        {
            spareBusyIn = -1;
        }

        return result;
    }
}
