using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers;

/// <summary>
/// Writes an <see cref="ExploredGraph"/> as Graphviz DOT and as a Mermaid flowchart: ordinal order everywhere, invariant
/// culture, '\n' line ends, so the same graph gives the same bytes on every machine.
/// </summary>
internal static class GraphText
{
    private const string Red = "#d00000";
    private const string ProblemFill = "#ffe0e0";

    internal static string Dot(ExploredGraph graph, int limit, int start, List<int>? path, string? highlight)
    {
        Dictionary<int, string> stepsOf = TraceSteps(path);
        HashSet<int> onPath = StatesOn(graph, start, path);
        string title = Title(graph, limit);
        var text = new StringBuilder();
        text.Append("// ").Append(OneLine(title)).Append('\n');
        if (highlight is not null)
        {
            text.Append("// highlighted (red): ").Append(OneLine(highlight)).Append('\n');
        }

        string label = highlight is null ? title : title + "\nred: " + highlight;
        text.Append("digraph ").Append(DotString(graph.ModelName, "\\n")).Append(" {\n");
        text.Append("  graph [label=").Append(DotString(label, "\\n"))
            .Append(", labelloc=t, fontname=\"Helvetica\", fontsize=12];\n");
        text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        if (limit > 0)
        {
            text.Append("  start [shape=point, width=0.1, label=\"\"];\n");
            for (int initial = 0; initial < limit && graph.States[initial].Depth == 0; initial++)
            {
                text.Append("  start -> s").Append(Number(initial));
                text.Append(path is not null && initial == start ? " [color=\"" + Red + "\", penwidth=2.5];\n" : ";\n");
            }
        }

        for (int number = 0; number < limit; number++)
        {
            ExploredState state = graph.States[number];
            text.Append("  s").Append(Number(number)).Append(" [label=").Append(DotString(NodeLabel(graph, state, "\n"), "\\l"));
            if (state.Problems.Count > 0)
            {
                text.Append(", style=\"rounded,filled\", fillcolor=\"").Append(ProblemFill).Append('"');
            }

            if (onPath.Contains(number))
            {
                text.Append(", color=\"").Append(Red).Append("\", penwidth=2.5");
            }

            text.Append("];\n");
        }

        for (int edge = 0; edge < graph.Edges.Count; edge++)
        {
            ExploredEdge step = graph.Edges[edge];
            if (step.From >= limit || step.To >= limit)
            {
                continue;
            }

            text.Append("  s").Append(Number(step.From)).Append(" -> s").Append(Number(step.To));
            if (stepsOf.TryGetValue(edge, out string? numbers))
            {
                text.Append(" [label=").Append(DotString(numbers + ": " + step.Label, "\\n"))
                    .Append(", color=\"").Append(Red).Append("\", fontcolor=\"").Append(Red).Append("\", penwidth=2.5];\n");
            }
            else
            {
                text.Append(" [label=").Append(DotString(step.Label, "\\n")).Append("];\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    internal static string Mermaid(ExploredGraph graph, int limit, int start, List<int>? path, string? highlight)
    {
        Dictionary<int, string> stepsOf = TraceSteps(path);
        HashSet<int> onPath = StatesOn(graph, start, path);
        string title = Title(graph, limit);
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(YamlString(highlight is null ? title : title + "; red: " + highlight)).Append("\n---\n");
        text.Append("flowchart TD\n");
        text.Append("  %% ").Append(OneLine(title)).Append('\n');
        if (highlight is not null)
        {
            text.Append("  %% highlighted (red): ").Append(OneLine(highlight)).Append('\n');
        }

        var problems = new List<int>();
        var trace = new List<int>();
        var traceProblems = new List<int>();
        for (int number = 0; number < limit; number++)
        {
            ExploredState state = graph.States[number];
            text.Append("  s").Append(Number(number)).Append('[').Append(MermaidString(NodeLabel(graph, state, "\n"))).Append("]\n");
            if (state.Problems.Count > 0)
            {
                (onPath.Contains(number) ? traceProblems : problems).Add(number);
            }
            else if (onPath.Contains(number))
            {
                trace.Add(number);
            }
        }

        // Links are numbered in the order they appear, from 0: the arrows into the initial states come first.
        var redLinks = new List<int>();
        int link = 0;
        for (int initial = 0; initial < limit && graph.States[initial].Depth == 0; initial++)
        {
            text.Append("  start((start)) --> s").Append(Number(initial)).Append('\n');
            if (path is not null && initial == start)
            {
                redLinks.Add(link);
            }

            link++;
        }

        for (int edge = 0; edge < graph.Edges.Count; edge++)
        {
            ExploredEdge step = graph.Edges[edge];
            if (step.From >= limit || step.To >= limit)
            {
                continue;
            }

            string label = step.Label;
            if (stepsOf.TryGetValue(edge, out string? numbers))
            {
                label = numbers + ": " + label;
                redLinks.Add(link);
            }

            text.Append("  s").Append(Number(step.From)).Append(" -->|").Append(MermaidString(label)).Append("| s")
                .Append(Number(step.To)).Append('\n');
            link++;
        }

        text.Append("  classDef problem fill:").Append(ProblemFill).Append(",stroke:").Append(Red).Append('\n');
        text.Append("  classDef trace stroke:").Append(Red).Append(",stroke-width:3px\n");
        text.Append("  classDef traceProblem fill:").Append(ProblemFill).Append(",stroke:").Append(Red).Append(",stroke-width:3px\n");
        AppendClass(text, problems, "problem");
        AppendClass(text, trace, "trace");
        AppendClass(text, traceProblems, "traceProblem");
        if (redLinks.Count > 0)
        {
            text.Append("  linkStyle ");
            for (int i = 0; i < redLinks.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(Number(redLinks[i]));
            }

            text.Append(" stroke:").Append(Red).Append(",stroke-width:3px,color:").Append(Red).Append('\n');
        }

        return text.ToString();
    }

    /// <summary><c>'Model': 3 states</c>, or, cut, <c>'Model': the first 40 of 656 states; 12 steps to later states not drawn</c>.</summary>
    private static string Title(ExploredGraph graph, int limit)
    {
        int omitted = 0;
        for (int number = 0; number < limit; number++)
        {
            omitted += graph.States[number].OmittedSteps;
        }

        foreach (ExploredEdge edge in graph.Edges)
        {
            if (edge.From < limit && edge.To >= limit)
            {
                omitted++;
            }
        }

        string name = "'" + graph.ModelName + "': ";
        string title = limit >= graph.TotalStates
            ? name + Count(limit, "state", "states") + ", breadth-first"
            : name + "the first " + Number(limit) + " of " + graph.TotalStates.ToString(CultureInfo.InvariantCulture)
                + " states, breadth-first (graph cut at " + Number(limit) + ")";
        return omitted == 0 ? title : title + "; " + Count(omitted, "step", "steps") + " to states not drawn";
    }

    private static string Count(int count, string one, string many) => Number(count) + " " + (count == 1 ? one : many);

    /// <summary>Each field as <c>name = value</c>, then what fails there, one a line.</summary>
    private static string NodeLabel(ExploredGraph graph, ExploredState state, string newLine)
    {
        var label = new StringBuilder();
        for (int field = 0; field < graph.FieldNames.Count; field++)
        {
            label.Append(graph.FieldNames[field]).Append(" = ").Append(state.Values[field]).Append(newLine);
        }

        foreach (string problem in state.Problems)
        {
            label.Append(problem).Append(newLine);
        }

        // Mermaid takes line breaks between lines only; DOT's "\l" ends (and left-justifies) every line.
        return label.Length == 0 ? "" : label.ToString(0, label.Length - newLine.Length);
    }

    /// <summary>For each edge of the path, its step numbers in the trace: <c>2</c>, or <c>2, 5</c> when a cycle passes it twice.</summary>
    private static Dictionary<int, string> TraceSteps(List<int>? path)
    {
        var steps = new Dictionary<int, string>();
        for (int i = 0; path is not null && i < path.Count; i++)
        {
            string number = Number(i + 1);
            steps[path[i]] = steps.TryGetValue(path[i], out string? before) ? before + ", " + number : number;
        }

        return steps;
    }

    /// <summary>The states on the path; its initial state starts every trace, even one with no step drawn.</summary>
    private static HashSet<int> StatesOn(ExploredGraph graph, int start, List<int>? path)
    {
        var states = new HashSet<int>();
        if (path is null)
        {
            return states;
        }

        if (graph.States.Count > 0)
        {
            states.Add(start);
        }

        foreach (int edge in path)
        {
            states.Add(graph.Edges[edge].To);
        }

        return states;
    }

    private static void AppendClass(StringBuilder text, List<int> states, string name)
    {
        if (states.Count == 0)
        {
            return;
        }

        text.Append("  class ");
        for (int i = 0; i < states.Count; i++)
        {
            text.Append(i == 0 ? "s" : ",s").Append(Number(states[i]));
        }

        text.Append(' ').Append(name).Append('\n');
    }

    /// <summary>
    /// A DOT double-quoted string. Backslashes are doubled (DOT reads <c>\N</c>, <c>\l</c>... as escapes), quotes
    /// escaped, and each line break becomes <paramref name="lineEnd"/>: <c>\n</c> (centered) or <c>\l</c> (left-justified,
    /// which also ends the last line).
    /// </summary>
    internal static string DotString(string value, string lineEnd)
    {
        var text = new StringBuilder(value.Length + 8).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append(lineEnd); break;
                case '\r': break;
                default: text.Append(c); break;
            }
        }

        if (lineEnd == "\\l" && value.Length > 0)
        {
            text.Append("\\l");
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A Mermaid quoted label: characters Mermaid would read as syntax or HTML become entity codes (<c>#quot;</c>,
    /// <c>#35;</c>, ...), and line breaks become <c>&lt;br/&gt;</c>.
    /// </summary>
    internal static string MermaidString(string value)
    {
        var text = new StringBuilder(value.Length + 8).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("#quot;"); break;
                case '#': text.Append("#35;"); break;
                case '<': text.Append("#lt;"); break;
                case '>': text.Append("#gt;"); break;
                case '&': text.Append("#amp;"); break;
                case '|': text.Append("#124;"); break;
                case '`': text.Append("#96;"); break;
                case '\n': text.Append("<br/>"); break;
                case '\r': break;
                default: text.Append(c); break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A YAML double-quoted scalar on one line (the Mermaid front matter's title).</summary>
    private static string YamlString(string value) =>
        "\"" + OneLine(value).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string OneLine(string value) => value.Replace("\r", "").Replace('\n', ' ');

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
