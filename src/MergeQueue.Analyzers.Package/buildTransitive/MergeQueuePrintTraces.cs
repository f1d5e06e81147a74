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
/// high-importance message, or as a warning at the diagnostic's location for the terminal logger, which shows all the
/// lines of a warning but no message. Diagnostics suppressed in source, and those below warning, are left out.
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
        foreach (object run in List(Get(log, "runs")))
        {
            foreach (object result in List(Get(run, "results")))
            {
                string id = Get(result, "ruleId") as string;
                object message = Get(result, "message");
                string text = (message as string ?? Get(message, "text") as string ?? string.Empty).Replace("\r\n", "\n");
                string level = Get(result, "level") as string ?? "warning";
                if (id == null || !id.StartsWith("SM", StringComparison.Ordinal) || !text.Contains("\n")
                    || (level != "error" && level != "warning") || Suppressed(result))
                {
                    continue;
                }

                if (AsWarnings)
                {
                    string file;
                    int line, column;
                    Location(result, out file, out line, out column);
                    Log.LogWarning(null, id, null, file, line, column, 0, 0, "{0}", "trace of " + level + " " + id + framework + ": " + text.Replace("\n", "\n  "));
                }
                else
                {
                    Log.LogMessage(MessageImportance.High, "{0}", id + framework + ": " + text.Replace("\n", "\n    ") + "\n");
                }
            }
        }

        return true;
    }

    // Version 2.1: "suppressions" (an empty list means none); version 1: "suppressionStates".
    private static bool Suppressed(object result) =>
        List(Get(result, "suppressions")).Count > 0 || List(Get(result, "suppressionStates")).Count > 0;

    private static void Location(object result, out string file, out int line, out int column)
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
    }

    private static object Get(object node, string name)
    {
        var members = node as Dictionary<string, object>;
        object value;
        return members != null && members.TryGetValue(name, out value) ? value : null;
    }

    private static List<object> List(object node) => node as List<object> ?? new List<object>();

    private static int Number(object node) => node is double ? (int)(double)node : 0;

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
