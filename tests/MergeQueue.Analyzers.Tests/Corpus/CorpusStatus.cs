using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MergeQueue.Analyzers.Tests.Corpus;

/// <summary>
/// The table in <c>tests/Corpus/README.md</c>: for each twin, whether the compile-time checker interprets its first
/// draft, and if not, the constructs it refuses (SM0100). The corpus tests check the models it says are checked,
/// and that the table says what the checker does today.
/// </summary>
internal static class CorpusStatus
{
    public const string Checked = "checked";

    public static string ReadmePath => Path.Combine(CorpusModel.Folder, "README.md");

    /// <summary>Model name → "checked", or the refused constructs, one per line of the cell (separated by "; ").</summary>
    public static IReadOnlyDictionary<string, string> Documented { get; } = Read();

    public static bool IsChecked(string model) => Documented.TryGetValue(model, out var status) && status == Checked;

    /// <summary>The table rows as the README writes them, for a status computed from the checker.</summary>
    public static string Row(string model, string status) => "| " + model + " | " + status + " |";

    private static Dictionary<string, string> Read()
    {
        var rows = new Dictionary<string, string>();
        if (!File.Exists(ReadmePath))
        {
            return rows;
        }

        foreach (Match row in Regex.Matches(File.ReadAllText(ReadmePath), @"^\| (?<model>[\w.\-]+/[\w.\-]+) \| (?<status>.+?) \|\s*$", RegexOptions.Multiline))
        {
            rows[row.Groups["model"].Value] = row.Groups["status"].Value;
        }

        return rows;
    }
}
