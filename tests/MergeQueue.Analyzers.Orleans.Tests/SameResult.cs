using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>The cluster's answer is the one-machine answer: counts, verdict, violations and their trace lengths.</summary>
internal static class SameResult
{
    public static void Assert(ExplorationResult expected, ExplorationResult actual)
    {
        Xunit.Assert.Equal(expected.DistinctStates, actual.DistinctStates);
        Xunit.Assert.Equal(expected.Transitions, actual.Transitions);
        Xunit.Assert.Equal(expected.Depth, actual.Depth);
        Xunit.Assert.Equal(expected.StoppedBy, actual.StoppedBy);
        Xunit.Assert.Equal(expected.Passed, actual.Passed);
        Xunit.Assert.Equal(expected.Violations.Count, actual.Violations.Count);
        for (int i = 0; i < expected.Violations.Count; i++)
        {
            Violation want = expected.Violations[i];
            Violation got = actual.Violations[i];
            Xunit.Assert.Equal(want.Kind, got.Kind);
            Xunit.Assert.Equal(want.Summary, got.Summary);
            Xunit.Assert.Equal(want.Trace?.Steps.Count, got.Trace?.Steps.Count);
            Xunit.Assert.Equal(want.Trace?.LoopsBackTo, got.Trace?.LoopsBackTo);
            Xunit.Assert.Equal(want.Trace?.StaysForever, got.Trace?.StaysForever);
        }
    }
}
