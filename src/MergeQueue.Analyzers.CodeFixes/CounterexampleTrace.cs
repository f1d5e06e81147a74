using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>
/// The steps of a counterexample, read back from a diagnostic's trace text (<c>3: RunCi(p: 0, passes: false): …</c>):
/// each action's name and its arguments as C# expressions a <c>ModelStep.Create</c> call takes.
/// </summary>
internal sealed class CounterexampleTrace
{
    private CounterexampleTrace(List<(string Action, List<string> Arguments)> steps, bool isLasso, bool endsWithNoAction)
    {
        Steps = steps;
        IsLasso = isLasso;
        EndsWithNoAction = endsWithNoAction;
    }

    public List<(string Action, List<string> Arguments)> Steps { get; }

    /// <summary>The trace ends by going back to an earlier step: replaying it once does not show the violation.</summary>
    public bool IsLasso { get; }

    /// <summary>A liveness trace that stays forever in a state where no action at all is enabled.</summary>
    public bool EndsWithNoAction { get; }

    /// <summary>The steps of <paramref name="message"/>'s trace; null when it has none or a step cannot be read.</summary>
    public static CounterexampleTrace? Read(string message)
    {
        var steps = new List<(string, List<string>)>();
        bool sawInitial = false;
        bool isLasso = false;
        bool staysForever = false;
        bool noAction = false;
        foreach (string rawLine in message.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.StartsWith("back to step ", System.StringComparison.Ordinal))
            {
                isLasso = true;
                continue;
            }

            staysForever |= line == "stays here forever";
            noAction |= staysForever && line == "no action is enabled here";

            int colon = line.IndexOf(": ", System.StringComparison.Ordinal);
            if (colon <= 0 || !int.TryParse(line.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                continue;
            }

            string rest = line.Substring(colon + 2);
            if (number == 0)
            {
                sawInitial = true;
                continue;
            }

            if (!sawInitial || Step(rest) is not { } step)
            {
                return null;
            }

            steps.Add(step);
        }

        return sawInitial ? new CounterexampleTrace(steps, isLasso, noAction) : null;
    }

    /// <summary><c>Merge(p: 1): pr = …</c> → (<c>Merge</c>, [<c>1</c>]).</summary>
    private static (string, List<string>)? Step(string text)
    {
        int open = text.IndexOf('(');
        if (open <= 0)
        {
            return null;
        }

        var arguments = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        for (int i = open + 1; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                current.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (c is ',' or ')')
            {
                if (current.ToString().Trim().Length > 0)
                {
                    arguments.Add(Value(current.ToString().Trim()));
                }

                current.Clear();
                if (c == ')')
                {
                    return (text.Substring(0, open), arguments);
                }
            }
            else
            {
                current.Append(c);
            }
        }

        return null;
    }

    /// <summary><c>p: 0</c> → <c>0</c>; an enum member (<c>c: Blue</c>) becomes its name as a string, which trace validation matches.</summary>
    private static string Value(string argument)
    {
        int colon = argument.IndexOf(": ", System.StringComparison.Ordinal);
        string value = colon < 0 ? argument : argument.Substring(colon + 2);
        if (value is "true" or "false" || value.StartsWith("\"", System.StringComparison.Ordinal) || value.StartsWith("'", System.StringComparison.Ordinal))
        {
            return value;
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer is >= int.MinValue and <= int.MaxValue ? value : value + "L";
        }

        return "\"" + value + "\"";
    }
}
