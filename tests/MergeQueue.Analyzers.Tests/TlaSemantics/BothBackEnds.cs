using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary>
/// Explores a model through the interpreter behind the analyzer and through the generated <c>Explore()</c>, which must
/// agree on everything (DESIGN.md "Semantics tests"); the tests then pin TLC's numbers on that one answer.
/// </summary>
internal static class BothBackEnds
{
    /// <summary>A model class named <paramref name="name"/> with <paramref name="members"/>, after <paramref name="extra"/> declarations.</summary>
    public static string Model(string name, string members, string extra = "", string attribute = "[StateMachine]") =>
        Semantics.BothPaths.Model(name, members, extra, attribute);

    /// <summary>The agreed result of both back ends, with the same <paramref name="options"/> (null: the defaults).</summary>
    public static GeneratedResult Explore(string typeName, string source, ExplorationOptions? options = null)
    {
        var (interpreted, generated) = Semantics.BothPaths.Explore(typeName, options, source);

        Assert.Equal(interpreted.DistinctStates, generated.DistinctStates);
        Assert.Equal(interpreted.Transitions, generated.Transitions);
        Assert.Equal(interpreted.Depth, generated.Depth);
        Assert.Equal(interpreted.Complete, generated.Complete);
        Assert.Equal(interpreted.Violations, generated.Violations);
        Assert.Equal(interpreted.ReportWithoutTime, generated.ReportWithoutTime);
        return interpreted;
    }

    /// <summary>Explored past every violation (TLC's <c>-continue</c>).</summary>
    public static ExplorationOptions Continue() => new() { ContinueAfterViolation = true };
}
