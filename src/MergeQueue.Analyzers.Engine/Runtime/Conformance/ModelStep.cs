using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MergeQueue.Analyzers.Engine.Runtime.Conformance;

namespace MergeQueue.Analyzers;

/// <summary>
/// One recorded step of the real system, in the model's words: an action's name and the values of its parameters,
/// for <c>ValidateTrace</c>. A parameter the record leaves out may take any value of its domain: trace validation
/// tries them all, as TLC's trace validation does.
/// </summary>
public sealed class ModelStep
{
    private ModelStep(string action, IReadOnlyList<object?>? arguments, IReadOnlyDictionary<string, object?>? namedArguments)
    {
        Action = action;
        Arguments = arguments ?? Array.Empty<object?>();
        NamedArguments = namedArguments;
    }

    /// <summary>The action's name, as the model's method is named (<c>Enqueue</c>).</summary>
    public string Action { get; }

    /// <summary>
    /// The values of the action's first parameters, in declaration order (from <see cref="Create"/>); the parameters
    /// past them are unknown. Empty for a step read from JSON, which names its values.
    /// </summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>
    /// The values by parameter name (from <see cref="ParseJsonLines"/>); a parameter not named is unknown. Null for a
    /// step made with <see cref="Create"/>.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? NamedArguments { get; }

    /// <summary>
    /// A step of <paramref name="action"/> with the values of its first parameters in declaration order
    /// (<c>ModelStep.Create("RunCi", 0, true)</c>); fewer values than parameters leave the rest unknown. An enum value
    /// may be given as itself, its name or its number; an integer as any integer type.
    /// </summary>
    /// <param name="action">The action's name.</param>
    /// <param name="arguments">The parameter values, in order.</param>
    /// <returns>The step.</returns>
    public static ModelStep Create(string action, params object?[] arguments)
    {
        if (string.IsNullOrEmpty(action))
        {
            throw new ArgumentException("A step needs the name of an action.", nameof(action));
        }

        return new ModelStep(action, (object?[])(arguments ?? new object?[] { null }).Clone(), null);
    }

    /// <summary>
    /// Reads a log with one JSON object a line, <c>{"action": "Enqueue", "args": {"p": 0}}</c>; blank lines are
    /// skipped, other members (a timestamp, a request id) ignored, and <c>args</c> may be left out or name only some
    /// parameters. Values are numbers, strings (an enum value by name), <c>true</c>, <c>false</c> or <c>null</c>.
    /// </summary>
    /// <param name="text">The log.</param>
    /// <returns>The steps, in the log's order.</returns>
    /// <exception cref="FormatException">A line is not such an object; the message gives its line number.</exception>
    public static IReadOnlyList<ModelStep> ParseJsonLines(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var steps = new List<ModelStep>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                steps.Add(FromJson(JsonLineReader.ReadObject(line)));
            }
            catch (FormatException problem)
            {
                throw new FormatException("Line " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of the log: " + problem.Message, problem);
            }
        }

        return steps;
    }

    /// <summary><c>Enqueue(0)</c>, <c>Enqueue(p: 0)</c>, or <c>Enqueue(p: ?)</c>-free <c>RunCi(p: 0)</c> when values are unknown.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Action).Append('(');
        if (NamedArguments is not null)
        {
            bool first = true;
            foreach (var pair in NamedArguments)
            {
                text.Append(first ? string.Empty : ", ").Append(pair.Key).Append(": ").Append(ArgumentMatcher.Show(pair.Value));
                first = false;
            }
        }
        else
        {
            for (int i = 0; i < Arguments.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(ArgumentMatcher.Show(Arguments[i]));
            }
        }

        return text.Append(')').ToString();
    }

    private static ModelStep FromJson(Dictionary<string, object?> line)
    {
        if (!line.TryGetValue("action", out object? action) || action is not string name || name.Length == 0)
        {
            throw new FormatException("no \"action\" string");
        }

        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (line.TryGetValue("args", out object? args) && args is not null)
        {
            if (args is not Dictionary<string, object?> values)
            {
                throw new FormatException("\"args\" is not an object");
            }

            foreach (var pair in values)
            {
                named[pair.Key] = pair.Value;
            }
        }

        return new ModelStep(name, null, named);
    }
}
