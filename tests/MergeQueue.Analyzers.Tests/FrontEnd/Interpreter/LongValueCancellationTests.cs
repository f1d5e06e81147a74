using System;
using System.Threading;
using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// A step looks at the run's cancellation (its time limit too) before it decodes, copies back or encodes a value of
/// 65,536 elements or more: a state of 16-million-element arrays took seconds a state to step, and the time limit,
/// looked at between steps and inside loops, ran 3x past its bound on such states. A short step with no loop never
/// looks at it, so the same action on a short value completes.
/// </summary>
public sealed class LongValueCancellationTests
{
    private static readonly StepBudget Cancelled = new(100_000, new CancellationToken(canceled: true));

    [Theory]
    [InlineData("int[] big = new int[70_000];", "big[i] = 1")]
    [InlineData("List<int> big = new List<int>(new int[70_000]);", "big[i] = 1")]
    [InlineData("HashSet<int> big = new HashSet<int>(Enumerable.Range(0, 66_000));", "big.Remove(i)")]
    [InlineData("string big = \"a\";\npublic M() { for (int k = 0; k < 17; k++) big = big + big; }", "big = big.Substring(1)")]
    public void A_step_over_a_long_value_stops_when_the_run_is_cancelled(string field, string write)
    {
        var model = Interpreted.Of(field + "\n[Action] void Set([Range(0, 1)] int i) { " + write + "; }");

        Assert.Throws<OperationCanceledException>(() => model.Model.Step(model.State, 0, Cancelled));
    }

    [Theory]
    [InlineData("int[] small = new int[10];", "small[i] = 1")]
    [InlineData("List<int> small = Enumerable.Range(0, 10).ToList();", "small[i] = 1")]
    public void A_step_over_short_values_completes_without_looking(string field, string write)
    {
        var model = Interpreted.Of(field + "\n[Action] void Set([Range(0, 1)] int i) { " + write + "; }");

        Assert.Equal(StepOutcomeKind.Enabled, model.Model.Step(model.State, 0, Cancelled).Kind);
    }
}
