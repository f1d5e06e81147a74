using System;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>[AlwaysEventually] and [LeadsTo], parameters, bounds, failures and cancellation of the liveness search.</summary>
public class LivenessPropertyTests
{
    [Fact]
    public void AlwaysEventually_holds_when_every_fair_cycle_passes_through_it()
    {
        var model = LivenessToys.TwoLoops().Property(PropertyKind.AlwaysEventually, "AtATurn", x => x == 1 || x == 3);

        // Leaving 0 is forced (Left and Right are enabled there); then 1 ⇄ 2 passes 1 and 3 ⇄ 4 passes 3 forever.
        Assert.True(Explorer.Explore(model).Passed);
    }

    [Fact]
    public void AlwaysEventually_fails_on_a_cycle_that_avoids_it()
    {
        var model = LivenessToys.TwoLoops().Property(PropertyKind.AlwaysEventually, "OnTheLeft", x => x <= 2);

        Violation violation = Assert.Single(Explorer.Explore(model).Violations);

        // Right leads to 3 ⇄ 4, where OnTheLeft is false forever; the cycle takes Swing and Left and Right are
        // disabled there. It holds in the initial state, so it is false from step 1 on.
        Assert.Equal(
            """
            [AlwaysEventually] 'OnTheLeft' fails on a fair behavior: it is false from step 1 on, and steps 2 to 3 repeat forever
            0: initial state: x = 0
            1: Right(): x = 3
            2: Swing(): x = 4
            3: Swing(): x = 3
            back to step 1
            """.Replace("\r\n", "\n"),
            violation.Message);
    }

    [Fact]
    public void LeadsTo_is_checked_for_each_parameter_value_and_reported_once_per_failing_value()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.LossyChannel());

        // m: 0 holds: once sent, Deliver(m: 0) stays enabled until taken. m: 1 fails: Drop loses it in flight and
        // Deliver(m: 1) is never enabled again; after message 0 is delivered nothing is enabled. Shortest: send 1
        // (the premise holds from step 1), send and deliver 0, drop 1.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            """
            [LeadsTo] 'Sent(m: 1)' ~> 'Delivered(m: 1)' fails on a fair behavior: 'Sent(m: 1)' holds at step 1, 'Delivered(m: 1)' is false from then on, and the behavior stays at step 4 forever
            0: initial state: sent = {}, delivered = {}, dropped = false
            1: Send(m: 1): sent = {1}
            2: Send(m: 0): sent = {0, 1}
            3: Deliver(m: 0): delivered = {0}
            4: Drop(): dropped = true
            stays here forever
            no action is enabled here
            """.Replace("\r\n", "\n"),
            violation.Message);
        Assert.Equal(2, violation.Property);
        Assert.Equal("property Sent", violation.Site);
    }

    [Fact]
    public void LeadsTo_whose_premise_never_holds_holds()
    {
        var model = LivenessToys.TwoLoops()
            .LeadsTo("Beyond", "AtZero", "k", new[] { 9 }, (x, k) => x == k, (x, k) => x == 0);

        Assert.True(Explorer.Explore(model).Passed);
    }

    [Fact]
    public void Liveness_is_not_claimed_on_a_partial_graph()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Crossing(ActionFairness.Weak), new ExplorationOptions { MaxStates = 2 });

        // The red/green cycle is within the two states kept, but an absence of cycles in a partial graph proves
        // nothing, so the search does not run at all; the bound says so.
        Assert.Empty(result.Violations);
        Assert.False(result.Passed);
        Assert.Equal(
            "'Crossing' was not fully explored: MaxStates (2) reached; 2 distinct states, depth 1 explored; results cover only the "
            + "explored states; liveness properties ([Eventually], [AlwaysEventually], [LeadsTo]) were not checked: they need every reachable state",
            result.BoundMessage);
    }

    [Fact]
    public void Failing_liveness_predicate_is_an_execution_failure_and_leaves_its_property_unchecked()
    {
        var model = Toys.Counter(3)
            .Property(PropertyKind.Terminal, "AtThree", x => x == 3)
            .Property(PropertyKind.Eventually, "Lookup", x => x == 2
                ? PredicateOutcome.Failed(new Failure(FailureKind.Exception, "DivideByZeroException: Attempted to divide by zero.", "line 20"))
                : PredicateOutcome.Of(false));

        ExplorationResult result = Explorer.Explore(model);

        // Lookup is false in 0, 1 and 3 and fails at 2: the property cannot be decided, the failure is reported.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.ExecutionFailed, violation.Kind);
        Assert.Equal("[Eventually] 'Lookup' threw DivideByZeroException: Attempted to divide by zero.", violation.Summary);
        Assert.Equal("line 20", violation.Site);
        Assert.Equal(1, violation.Property);
        Assert.Equal("after step 2: [Eventually] 'Lookup' threw DivideByZeroException: Attempted to divide by zero.", violation.Trace!.Epilogue.Single());
    }

    [Fact]
    public void Cancellation_during_the_liveness_search_returns_what_was_checked()
    {
        using var cancellation = new CancellationTokenSource();
        var model = LivenessToys.Crossing(ActionFairness.Weak)
            .Property(PropertyKind.AlwaysEventually, "Green", s =>
            {
                cancellation.Cancel();
                return s.Green;
            });

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { CancellationToken = cancellation.Token });

        // Crossed (checked first) is reported; Green cancels while it is evaluated and is not checked. The four
        // states were all explored: red (0), green (1), green crossed (2), red crossed (3).
        Assert.Equal(ExplorationBound.Cancelled, result.StoppedBy);
        Assert.Equal(new[] { ViolationKind.LivenessViolated }, result.Violations.Select(v => v.Kind));
        Assert.Equal(
            "'Crossing' was explored (4 distinct states, depth 3) but the exploration was cancelled while checking liveness properties; "
            + "those not reported were not checked",
            result.BoundMessage);
    }

    [Fact]
    public void Liveness_report_is_the_same_on_every_run()
    {
        string first = Explorer.Explore(LivenessToys.LossyChannel()).Violations.Single().Message;
        string second = Explorer.Explore(LivenessToys.LossyChannel()).Violations.Single().Message;

        Assert.Equal(first, second);
    }
}
