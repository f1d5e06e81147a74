using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers;

/// <summary>One state of a trace and the step that led to it.</summary>
public sealed class TraceStep
{
    internal TraceStep(int number, int actionInstance, string label, IReadOnlyList<FieldChange> changes, object? actionSite)
    {
        Number = number;
        ActionInstance = actionInstance;
        Label = label;
        Changes = changes;
        ActionSite = actionSite;
    }

    /// <summary>The step number: 0 for the initial state.</summary>
    public int Number { get; }

    /// <summary>The action instance taken (an index into the model's action instances), or -1 for the initial state.</summary>
    public int ActionInstance { get; }

    /// <summary>
    /// <c>initial state</c> (with the constructor arguments that built it, if any: <c>initial state (n: 2)</c>), or the
    /// action with its arguments: <c>Enqueue(p: 0)</c>.
    /// </summary>
    public string Label { get; }

    /// <summary>Every field for the initial state; afterwards only the fields whose printed value changed.</summary>
    public IReadOnlyList<FieldChange> Changes { get; }

    /// <summary>Where the step's action is declared (opaque: the analyzer's <c>Location</c>), or null for the initial state.</summary>
    public object? ActionSite { get; }

    /// <summary>The step as one trace line: <c>1: Enqueue(p: 0): pr = [Waiting, Pending], time = 2</c>.</summary>
    public override string ToString()
    {
        var line = new StringBuilder();
        line.Append(Number.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(Label).Append(": ");
        if (Changes.Count == 0)
        {
            return line.Append("(no change)").ToString();
        }

        for (int i = 0; i < Changes.Count; i++)
        {
            if (i > 0)
            {
                line.Append(", ");
            }

            line.Append(Changes[i].ToString());
        }

        return line.ToString();
    }
}
