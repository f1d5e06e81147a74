using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers;

/// <summary>
/// A counterexample: the states from the initial one to where a property fails, each with the step that led
/// to it. Structured for tools; <see cref="Format"/> gives the text the diagnostics carry.
/// </summary>
public sealed class Trace
{
    internal Trace(IReadOnlyList<TraceStep> steps, int? loopsBackTo, bool staysForever, IReadOnlyList<string> epilogue)
    {
        Steps = steps;
        LoopsBackTo = loopsBackTo;
        StaysForever = staysForever;
        Epilogue = epilogue;
    }

    /// <summary>The states in order, from the initial state (step 0).</summary>
    public IReadOnlyList<TraceStep> Steps { get; }

    /// <summary>
    /// For a liveness counterexample that repeats: the last step returns to the state of this step, and the steps
    /// after this one repeat forever. The closing step is listed like any other, so every step of the cycle shows
    /// its action.
    /// </summary>
    public int? LoopsBackTo { get; }

    /// <summary>
    /// For a liveness counterexample that ends where no fair action is enabled (or none at all): the last state
    /// repeats forever; the epilogue says why.
    /// </summary>
    public bool StaysForever { get; }

    /// <summary>Lines after the steps, such as why each action is disabled at the end of a stuck trace.</summary>
    public IReadOnlyList<string> Epilogue { get; }

    /// <summary>The trace as text: one step a line, each starting with its number, then the epilogue lines.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        for (int i = 0; i < Steps.Count; i++)
        {
            AppendLine(text, Steps[i].ToString());
        }

        if (LoopsBackTo is int back)
        {
            AppendLine(text, "back to step " + back.ToString(CultureInfo.InvariantCulture));
        }

        if (StaysForever)
        {
            AppendLine(text, "stays here forever");
        }

        for (int i = 0; i < Epilogue.Count; i++)
        {
            AppendLine(text, Epilogue[i]);
        }

        return text.ToString();
    }

    /// <summary>The same as <see cref="Format"/>.</summary>
    public override string ToString() => Format();

    // '\n' on every platform: the text must be the same byte for byte wherever it is built.
    private static void AppendLine(StringBuilder text, string line)
    {
        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(line);
    }
}
