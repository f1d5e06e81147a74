using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// One C# twin in <c>tests/Corpus/&lt;Spec&gt;/&lt;Model&gt;.cs</c> and what its <c>.json</c> says of the original TLA+ spec: the
/// tlaplus/Examples folder it comes from, the TLC command that was run there, and TLC's distinct states.
/// </summary>
internal sealed record CorpusTwin(string Name, string SourcePath, string ClassName, string Size, string SpecFolder, string TlcCommand, long TlcStates)
{
    /// <summary><c>tests/Corpus</c>, found from the current directory upwards (run.sh runs from the repository root).</summary>
    internal static string Folder { get; } = FindFolder();

    /// <summary>The folder beside the twin, which may hold extra .tla/.cfg files TLC needs over the original spec.</summary>
    internal string TwinFolder => Path.GetDirectoryName(SourcePath)!;

    /// <summary>Every twin, by name (<c>TeachingConcurrency/SimpleRegular</c>), in a stable order.</summary>
    internal static IReadOnlyList<CorpusTwin> All() =>
        Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    private static CorpusTwin Load(string json)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        var tlc = root.GetProperty("tlc");
        // Some commands carry a note after the arguments ("  (run in /tmp/tlc-f/X, a copy of the spec folder)").
        var command = Regex.Replace(tlc.GetProperty("command").GetString()!, @"\s+\(.*\)\s*$", string.Empty);
        return new CorpusTwin(
            Path.GetRelativePath(Folder, json).Replace('\\', '/')[..^".json".Length],
            Path.ChangeExtension(json, ".cs"),
            root.GetProperty("class").GetString()!,
            root.GetProperty("size").GetString()!,
            root.GetProperty("spec").GetString()!,
            command,
            tlc.GetProperty("distinctStates").GetInt64());
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var corpus = Path.Combine(directory.FullName, "tests", "Corpus");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        throw new InvalidOperationException("tests/Corpus not found above " + Environment.CurrentDirectory + "; run from the repository.");
    }
}
