using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MergeQueue.Analyzers.Tests.Infrastructure;

namespace MergeQueue.Analyzers.Tests.Corpus;

/// <summary>
/// One C# twin of a TLA+ specification in <c>tests/Corpus</c>: its source (the first draft, as written by someone
/// who had not read what the checker supports) and what TLC said of the original spec, run on this machine.
/// </summary>
public sealed record CorpusModel(
    string Name,
    string SourcePath,
    string ClassName,
    string Size,
    long ExpectedStates,
    int ExpectedDepth,
    IReadOnlyList<string> ExpectedDiagnostics,
    int? ExpectedTraceSteps)
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "Corpus");

    public bool IsSmall => Size == "small";

    /// <summary>Whether the twin's verdict is a pass (SM0005 aside: a warning, not a verdict).</summary>
    public bool Passes => ExpectedDiagnostics.All(d => d == "SM0005");

    /// <summary>Whether the checker is expected to warn that it did not claim everything (SM0005), where TLC passes.</summary>
    public bool ExpectsBound => ExpectedDiagnostics.Contains("SM0005");

    public string Source => File.ReadAllText(SourcePath);

    /// <summary>Every twin, by name (<c>Majority/MCMajority</c>), in a stable order.</summary>
    public static IReadOnlyList<CorpusModel> All { get; } = Load().ToList();

    public static CorpusModel Named(string name) => All.Single(m => m.Name == name);

    public override string ToString() => Name;

    private static IEnumerable<CorpusModel> Load()
    {
        foreach (string json in Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).OrderBy(p => p, System.StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var root = document.RootElement;
            var expected = root.GetProperty("expected");
            string name = Path.GetRelativePath(Folder, json).Replace('\\', '/')[..^".json".Length];
            yield return new CorpusModel(
                name,
                Path.ChangeExtension(json, ".cs"),
                root.GetProperty("class").GetString()!,
                root.GetProperty("size").GetString()!,
                expected.GetProperty("distinctStates").GetInt64(),
                expected.GetProperty("depth").GetInt32(),
                expected.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()!).ToList(),
                expected.TryGetProperty("traceSteps", out var steps) && steps.ValueKind == JsonValueKind.Number ? steps.GetInt32() : null);
        }
    }
}
