// The MergeQueuePrintTraces task of MergeQueue.Analyzers.targets, compiled by MSBuild's RoslynCodeTaskFactory: it runs
// in any MSBuild (the .NET SDK's or Visual Studio's), so it uses nothing beyond netstandard and MSBuild's own API.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Prints every multi-line SM diagnostic (a trace) of a compiler SARIF log, version 1 or 2.1, in full: as a
/// high-importance message, as a warning at the diagnostic's location for the terminal logger, which shows all the
/// lines of a warning but no message, or as a GitHub Actions annotation command. Diagnostics suppressed in source, and
/// those below warning, are left out. A version 2.1 log also gets each trace as a SARIF code flow.
/// </summary>
public sealed class MergeQueuePrintTraces : Task
{
    /// <summary>The compiler's SARIF log.</summary>
    [Required]
    public string ErrorLog { get; set; }

    /// <summary>The log's last write time (ticks) before the compile: unchanged means the compile did not run.</summary>
    public string WrittenBefore { get; set; }

    /// <summary>Log each trace as a warning (the terminal logger) rather than a message (the console logger).</summary>
    public bool AsWarnings { get; set; }

    /// <summary>
    /// Print every SM diagnostic, with or without a trace, as one GitHub Actions annotation command whose text is the
    /// whole message (the targets have replaced the problem matcher by one that leaves SM diagnostics to this task).
    /// </summary>
    public bool AsGitHubAnnotations { get; set; }

    /// <summary>The folder GitHub Actions checked the repository out to: annotation paths are relative to it.</summary>
    public string Workspace { get; set; }

    /// <summary>The framework to name beside each trace, for a multi-targeted project; empty otherwise.</summary>
    public string TargetFramework { get; set; }

    public override bool Execute()
    {
        if (!File.Exists(ErrorLog)
            || File.GetLastWriteTime(ErrorLog).Ticks.ToString(CultureInfo.InvariantCulture) == WrittenBefore)
        {
            return true;
        }

        object log;
        try
        {
            log = new Json(File.ReadAllText(ErrorLog)).Parse();
        }
        catch (Exception e) when (e is FormatException || e is IOException)
        {
            Log.LogMessage(MessageImportance.Low, "MergeQueue.Analyzers: the SARIF log " + ErrorLog + " could not be read: " + e.Message);
            return true;
        }

        string framework = string.IsNullOrEmpty(TargetFramework) ? string.Empty : " (" + TargetFramework + ")";
        bool version21 = (Get(log, "version") as string ?? string.Empty).StartsWith("2.", StringComparison.Ordinal);
        bool flowsAdded = false;
        foreach (object run in List(Get(log, "runs")))
        {
            foreach (object result in List(Get(run, "results")))
            {
                string id = Get(result, "ruleId") as string;
                object message = Get(result, "message");
                string text = (message as string ?? Get(message, "text") as string ?? string.Empty).Replace("\r\n", "\n");
                string level = Get(result, "level") as string ?? "warning";
                if (id == null || !id.StartsWith("SM", StringComparison.Ordinal))
                {
                    continue;
                }

                if (version21 && text.Contains("\n"))
                {
                    flowsAdded |= SarifCodeFlow.Add(result, text);
                }

                if ((level != "error" && level != "warning") || Suppressed(result) || (!text.Contains("\n") && !AsGitHubAnnotations))
                {
                    continue;
                }

                string file;
                int line, column, endLine, endColumn;
                Location(result, out file, out line, out column, out endLine, out endColumn);
                if (AsGitHubAnnotations)
                {
                    // One line, whatever the message: the runner reads workflow commands line by line.
                    Log.LogMessage(MessageImportance.High, "{0}", GitHubAnnotation(level, id + framework, file, line, column, endLine, endColumn, text));
                }
                else if (AsWarnings)
                {
                    Log.LogWarning(null, id, null, file, line, column, 0, 0, "{0}", "trace of " + level + " " + id + framework + ": " + text.Replace("\n", "\n  "));
                }
                else
                {
                    Log.LogMessage(MessageImportance.High, "{0}", id + framework + ": " + text.Replace("\n", "\n    ") + "\n");
                }
            }
        }

        if (flowsAdded)
        {
            try
            {
                File.WriteAllText(ErrorLog, JsonText.Write(log));
            }
            catch (IOException e)
            {
                Log.LogMessage(MessageImportance.Low, "MergeQueue.Analyzers: the SARIF log " + ErrorLog + " could not be rewritten: " + e.Message);
            }
        }

        return true;
    }

    // `::error file=F,line=L,...,title=T::message`: properties escape ',' and ':' too; the message only '%', CR and LF.
    private string GitHubAnnotation(string level, string title, string file, int line, int column, int endLine, int endColumn, string text)
    {
        var command = new StringBuilder("::").Append(level);
        string separator = " ";
        if (!string.IsNullOrEmpty(file))
        {
            command.Append(separator).Append("file=").Append(EscapeProperty(RelativeToWorkspace(file)));
            separator = ",";
        }

        if (line > 0)
        {
            command.Append(separator).Append("line=").Append(line.ToString(CultureInfo.InvariantCulture));
            separator = ",";
            if (endLine > 0)
            {
                command.Append(",endLine=").Append(endLine.ToString(CultureInfo.InvariantCulture));
            }

            // GitHub takes columns only within one line.
            if (column > 0 && (endLine == 0 || endLine == line))
            {
                command.Append(",col=").Append(column.ToString(CultureInfo.InvariantCulture));
                if (endColumn > 0)
                {
                    command.Append(",endColumn=").Append(endColumn.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        command.Append(separator).Append("title=").Append(EscapeProperty(title));
        return command.Append("::").Append(EscapeData(text)).ToString();
    }

    private string RelativeToWorkspace(string file)
    {
        if (string.IsNullOrEmpty(Workspace))
        {
            return file;
        }

        string root = Path.GetFullPath(Workspace).TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        string full = Path.GetFullPath(file);
        return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length).Replace('\\', '/') : file;
    }

    private static string EscapeData(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string text) => EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");

    // Version 2.1: "suppressions" (an empty list means none); version 1: "suppressionStates".
    private static bool Suppressed(object result) =>
        List(Get(result, "suppressions")).Count > 0 || List(Get(result, "suppressionStates")).Count > 0;

    private static void Location(object result, out string file, out int line, out int column, out int endLine, out int endColumn)
    {
        var locations = List(Get(result, "locations"));
        object location = locations.Count > 0 ? locations[0] : null;
        object physical = Get(location, "physicalLocation");
        object artifact = physical != null ? Get(physical, "artifactLocation") : Get(location, "resultFile");
        object region = Get(physical ?? artifact, "region");
        string uri = Get(artifact, "uri") as string;
        Uri parsed;
        file = uri == null ? null
            : Uri.TryCreate(uri, UriKind.Absolute, out parsed) && parsed.IsFile ? parsed.LocalPath
            : Uri.UnescapeDataString(uri);
        line = Number(Get(region, "startLine"));
        column = Number(Get(region, "startColumn"));
        endLine = Number(Get(region, "endLine"));
        endColumn = Number(Get(region, "endColumn"));
    }

    internal static object Get(object node, string name)
    {
        var members = node as Dictionary<string, object>;
        object value;
        return members != null && members.TryGetValue(name, out value) ? value : null;
    }

    internal static List<object> List(object node) => node as List<object> ?? new List<object>();

    internal static int Number(object node) => node is double ? (int)(double)node : 0;

    /// <summary>
    /// A trace as SARIF 2.1 tools walk it (GitHub code scanning, the SARIF viewers): one code flow whose thread flow has
    /// a location per step, the initial state at the result's own location and each later step at its action (the
    /// compiler's related locations, one per step, in order); each related location gets the step's line as its
    /// message and an id, and the result's message links each step number to it.
    /// </summary>
    private static class SarifCodeFlow
    {
        public static bool Add(object result, string text)
        {
            var members = result as Dictionary<string, object>;
            var related = List(Get(result, "relatedLocations"));
            var primary = List(Get(result, "locations"));
            var message = Get(result, "message") as Dictionary<string, object>;
            if (members == null || message == null || primary.Count == 0 || members.ContainsKey("codeFlows"))
            {
                return false;
            }

            string[] lines = text.Split('\n');
            int steps = 0;
            while (steps + 1 < lines.Length && lines[steps + 1].StartsWith(steps.ToString(CultureInfo.InvariantCulture) + ": ", StringComparison.Ordinal))
            {
                steps++;
            }

            if (steps == 0 || steps != related.Count + 1)
            {
                return false;
            }

            var flowLocations = new List<object>();
            for (int step = 0; step < steps; step++)
            {
                string line = lines[step + 1];
                object physical = Get(step == 0 ? primary[0] : related[step - 1], "physicalLocation");
                if (step > 0)
                {
                    var relatedLocation = (Dictionary<string, object>)related[step - 1];
                    relatedLocation["id"] = (double)step;
                    relatedLocation["message"] = Text(line);
                }

                var location = new Dictionary<string, object>(StringComparer.Ordinal);
                location["physicalLocation"] = physical;
                location["message"] = Text(line);
                var flowLocation = new Dictionary<string, object>(StringComparer.Ordinal);
                flowLocation["location"] = location;
                flowLocation["executionOrder"] = (double)step;
                flowLocations.Add(flowLocation);
            }

            var threadFlow = new Dictionary<string, object>(StringComparer.Ordinal);
            threadFlow["locations"] = flowLocations;
            var codeFlow = new Dictionary<string, object>(StringComparer.Ordinal);
            codeFlow["message"] = Text(lines[0]);
            codeFlow["threadFlows"] = new List<object> { threadFlow };
            members["codeFlows"] = new List<object> { codeFlow };
            message["text"] = Linked(lines, steps);
            return true;
        }

        // SARIF plain-text messages: "[text](id)" links to the related location with that id, so literal brackets and
        // backslashes are escaped with a backslash.
        private static string Linked(string[] lines, int steps)
        {
            var text = new StringBuilder();
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                string line = lines[i];
                int step = i - 1;
                if (step >= 1 && step < steps)
                {
                    string number = step.ToString(CultureInfo.InvariantCulture);
                    text.Append('[').Append(number).Append("](").Append(number).Append(')');
                    line = line.Substring(number.Length);
                }

                text.Append(line.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]"));
            }

            return text.ToString();
        }

        private static Dictionary<string, object> Text(string text)
        {
            var message = new Dictionary<string, object>(StringComparer.Ordinal);
            message["text"] = text;
            return message;
        }
    }

    /// <summary>Writes back what <see cref="Json"/> read, indented.</summary>
    private static class JsonText
    {
        public static string Write(object value)
        {
            var text = new StringBuilder();
            Write(text, value, 0);
            return text.Append('\n').ToString();
        }

        private static void Write(StringBuilder text, object value, int depth)
        {
            var members = value as Dictionary<string, object>;
            var items = value as List<object>;
            if (members != null)
            {
                text.Append('{');
                int i = 0;
                foreach (var member in members)
                {
                    text.Append(i++ == 0 ? "\n" : ",\n").Append(' ', 2 * (depth + 1));
                    String(text, member.Key);
                    text.Append(": ");
                    Write(text, member.Value, depth + 1);
                }

                if (i > 0)
                {
                    text.Append('\n').Append(' ', 2 * depth);
                }

                text.Append('}');
            }
            else if (items != null)
            {
                text.Append('[');
                for (int i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', 2 * (depth + 1));
                    Write(text, items[i], depth + 1);
                }

                if (items.Count > 0)
                {
                    text.Append('\n').Append(' ', 2 * depth);
                }

                text.Append(']');
            }
            else if (value is string)
            {
                String(text, (string)value);
            }
            else if (value is double)
            {
                double number = (double)value;
                text.Append(number == Math.Floor(number) && Math.Abs(number) < 1e15
                    ? ((long)number).ToString(CultureInfo.InvariantCulture)
                    : number.ToString("R", CultureInfo.InvariantCulture));
            }
            else if (value is bool)
            {
                text.Append((bool)value ? "true" : "false");
            }
            else
            {
                text.Append("null");
            }
        }

        private static void String(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            text.Append('"');
        }
    }

    /// <summary>Just enough JSON: objects as dictionaries, arrays as lists, strings, numbers as doubles, true, false, null.</summary>
    private sealed class Json
    {
        private readonly string text;
        private int at;

        public Json(string text)
        {
            this.text = text;
        }

        public object Parse()
        {
            object value = Value();
            Space();
            if (at != text.Length)
            {
                throw new FormatException("unexpected text at " + at);
            }

            return value;
        }

        private object Value()
        {
            Space();
            if (at >= text.Length)
            {
                throw new FormatException("unexpected end");
            }

            char c = text[at];
            if (c == '{')
            {
                var members = new Dictionary<string, object>(StringComparer.Ordinal);
                at++;
                Space();
                if (Next('}'))
                {
                    return members;
                }

                do
                {
                    Space();
                    string name = String();
                    Space();
                    Expect(':');
                    members[name] = Value();
                    Space();
                }
                while (Next(','));
                Expect('}');
                return members;
            }

            if (c == '[')
            {
                var items = new List<object>();
                at++;
                Space();
                if (Next(']'))
                {
                    return items;
                }

                do
                {
                    items.Add(Value());
                    Space();
                }
                while (Next(','));
                Expect(']');
                return items;
            }

            if (c == '"')
            {
                return String();
            }

            int start = at;
            while (at < text.Length && "{}[],: \t\r\n\"".IndexOf(text[at]) < 0)
            {
                at++;
            }

            string word = text.Substring(start, at - start);
            if (word == "true" || word == "false")
            {
                return word == "true";
            }

            if (word == "null")
            {
                return null;
            }

            double number;
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }

            throw new FormatException("unexpected '" + word + "' at " + start);
        }

        private string String()
        {
            Expect('"');
            var value = new StringBuilder();
            while (at < text.Length && text[at] != '"')
            {
                char c = text[at++];
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                if (at >= text.Length)
                {
                    break;
                }

                char escape = text[at++];
                switch (escape)
                {
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'u':
                        if (at + 4 > text.Length)
                        {
                            throw new FormatException("short \\u escape at " + at);
                        }

                        value.Append((char)int.Parse(text.Substring(at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        at += 4;
                        break;
                    default: value.Append(escape); break;
                }
            }

            Expect('"');
            return value.ToString();
        }

        private void Space()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }
        }

        private bool Next(char c)
        {
            if (at < text.Length && text[at] == c)
            {
                at++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Next(c))
            {
                throw new FormatException("expected '" + c + "' at " + at);
            }
        }
    }
}
