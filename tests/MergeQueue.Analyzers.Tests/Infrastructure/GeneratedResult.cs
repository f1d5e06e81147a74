using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// What an <c>ExplorationResult</c> says, read by reflection from the engine assembly the generated code ran on,
/// or directly from the checker's, so both sides compare as plain values.
/// </summary>
internal sealed record GeneratedResult(
    long DistinctStates,
    long Transitions,
    int Depth,
    bool Complete,
    IReadOnlyList<string> Violations,
    string? BoundMessage,
    IReadOnlyList<string> NeverEnabled,
    string Report,
    double? CollisionProbability)
{
    /// <summary>The report without its last line (the statistics, which include the time).</summary>
    public string ReportWithoutTime => Report.Substring(0, Report.LastIndexOf('\n') + 1);

    public static GeneratedResult From(object result)
    {
        object? Get(object o, string name) => o.GetType().GetProperty(name)!.GetValue(o);
        var violations = ((IEnumerable)Get(result, "Violations")!).Cast<object>()
            .Select(v => Get(v, "Kind") + ": " + Get(v, "Message"))
            .ToList();
        return new GeneratedResult(
            (long)Get(result, "DistinctStates")!,
            (long)Get(result, "Transitions")!,
            (int)Get(result, "Depth")!,
            (bool)Get(result, "Complete")!,
            violations,
            (string?)Get(result, "BoundMessage"),
            ((IEnumerable<string>)Get(result, "NeverEnabledMessages")!).ToList(),
            (string)Get(result, "Report")!,
            (double?)Get(result, "CollisionProbability"));
    }
}
