using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// Weak, strong and no fairness, per action and per process, on state-changing steps only (TLA+'s
/// <c>WF_vars</c>/<c>SF_vars</c>): each verdict is derived by hand from the graph drawn on the toy.
/// </summary>
public class FairnessTests
{
    [Fact]
    public void Weak_fairness_lets_an_action_enabled_only_every_other_state_starve()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Crossing(ActionFairness.Weak));

        // Toggling forever is weakly fair: Cross is disabled whenever the light is red, so it is not continuously
        // enabled. The cycle takes Toggle and passes a red state (step 0), where Cross is disabled.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            """
            [Eventually] 'Crossed' fails on a fair behavior: it is false in every state, and steps 1 to 2 repeat forever
            0: initial state: green = false, crossed = false
            1: Toggle(): green = true
            2: Toggle(): green = false
            back to step 0
            """.Replace("\r\n", "\n"),
            violation.Message);
        Assert.Equal(ViolationKind.LivenessViolated, violation.Kind);
        Assert.Equal(0, violation.Trace!.LoopsBackTo);
        Assert.False(violation.Trace.StaysForever);
        Assert.Equal(new object?[] { "action Toggle", "action Toggle" }, violation.StepSites);
    }

    [Fact]
    public void Strong_fairness_takes_an_action_enabled_infinitely_often()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Crossing(ActionFairness.Strong));

        // Cross is enabled in every green state of the red/green cycle and never taken inside it, so the cycle is
        // not strongly fair; without the green state (peeled off) no cycle is left, and Toggle keeps every state moving.
        Assert.True(result.Passed);
    }

    [Fact]
    public void Strong_fairness_peels_off_the_states_that_enable_it_and_searches_what_is_left()
    {
        // 0 → 1 → 2 → 0 with Escape (strong) enabled at 2 only. Without Back, every cycle passes 2: Escape must
        // happen. With Back, 0 ⇄ 1 avoids 2 and is fair: Next and Back are taken, Escape is never enabled there.
        Assert.True(Explorer.Explore(LivenessToys.Escape(ActionFairness.Strong, withBack: false)).Passed);

        Violation violation = Assert.Single(Explorer.Explore(LivenessToys.Escape(ActionFairness.Strong, withBack: true)).Violations);
        Assert.Equal("0: initial state: x = 0\n1: Next(): x = 1\n2: Back(): x = 0\nback to step 0", violation.Trace!.Format());
    }

    [Fact]
    public void Weak_fairness_does_not_force_an_action_the_cycle_disables()
    {
        Violation violation = Assert.Single(Explorer.Explore(LivenessToys.Escape(ActionFairness.Weak, withBack: false)).Violations);

        // The ring 0 → 1 → 2 → 0 takes Next and passes 0, where Escape is disabled: weakly fair.
        Assert.Equal(
            "[Eventually] 'Escaped' fails on a fair behavior: it is false in every state, and steps 1 to 3 repeat forever",
            violation.Summary);
        Assert.Equal("0: initial state: x = 0\n1: Next(): x = 1\n2: Next(): x = 2\n3: Next(): x = 0\nback to step 0", violation.Trace!.Format());
    }

    [Fact]
    public void Fairness_over_the_whole_action_lets_one_process_starve_the_other()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Workers(perProcess: false));

        // One group for Step: process 0 ticking forever takes Step infinitely often, so the group is served while
        // process 1, enabled all along, never finishes.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "0: initial state: tick = 0, finished = false\n1: Step(self: 0): tick = 1\n2: Step(self: 0): tick = 0\nback to step 0",
            violation.Trace!.Format());
    }

    [Fact]
    public void Fairness_per_process_serves_every_process()
    {
        ExplorationResult result = Explorer.Explore(LivenessToys.Workers(perProcess: true));

        // Step(self: 1) is its own group, enabled in both states of the ticking cycle and never taken there: the
        // cycle is not fair, and every fair behavior finishes.
        Assert.True(result.Passed);
    }

    [Fact]
    public void Action_with_no_fairness_need_never_happen()
    {
        ExplorationResult result = Explorer.Explore(Mailbox(ActionFairness.None));

        // Deliver is the only action and promises nothing: the behavior may stutter in the initial state forever.
        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            """
            [Eventually] 'Delivered' fails on a fair behavior: it is false in every state, and the behavior stays in the initial state forever
            0: initial state: delivered = false
            stays here forever
            no fair action is enabled here:
              Deliver: enabled, but Fairness.None promises nothing
            """.Replace("\r\n", "\n"),
            violation.Message);
    }

    [Fact]
    public void Weakly_fair_action_that_stays_enabled_happens()
    {
        Assert.True(Explorer.Explore(Mailbox(ActionFairness.Weak)).Passed);
    }

    [Fact]
    public void Step_back_to_the_same_state_does_not_make_an_action_enabled()
    {
        // 0 ⇄ 1 by Toggle, and Wait (weak) changes nothing anywhere. <<Wait>>_vars is never enabled, so Wait asks
        // nothing of the cycle; were its self-loop "enabled but not taken", the cycle would be unfair and the
        // property would wrongly hold.
        var model = new ToyModel<int>("Waiting", 0)
            .Field("x", x => x.ToString())
            .Action("Toggle", x => Outcome.To(1 - x))
            .Action("Wait", x => Outcome.To(x))
            .Property(PropertyKind.Eventually, "AtTwo", x => x == 2);

        Violation violation = Assert.Single(Explorer.Explore(model).Violations);

        Assert.Equal("0: initial state: x = 0\n1: Toggle(): x = 1\n2: Toggle(): x = 0\nback to step 0", violation.Trace!.Format());
    }

    [Fact]
    public void Step_back_to_the_same_state_does_not_take_an_action()
    {
        // 0 ⇄ 1 by Toggle; Finish(i) is one weak group: Finish(i: 0) changes nothing, Finish(i: 1) goes to 2. The
        // group is enabled (by i: 1) in both states of the cycle and its only step inside is the self-loop, which
        // does not count as taking it: the cycle is unfair, and every fair behavior reaches 2.
        var model = new ToyModel<int>("Finishing", 0)
            .Field("x", x => x.ToString())
            .Action("Toggle", x => Outcome.Require(x < 2, "x < 2", 3, 1 - x))
            .Action("Finish", "i", new[] { 0, 1 }, (x, i) => Outcome.Require(x < 2, "x < 2", 7, i == 0 ? x : 2))
            .Property(PropertyKind.Eventually, "AtTwo", x => x == 2)
            .Property(PropertyKind.Terminal, "Done", x => x == 2);

        Assert.True(Explorer.Explore(model).Passed);
    }

    [Fact]
    public void State_whose_only_steps_change_nothing_is_one_a_behavior_may_stay_in()
    {
        var model = new ToyModel<int>("Idle", 0)
            .Field("x", x => x.ToString())
            .Action("Wait", x => Outcome.To(x))
            .Action("Finish", x => Outcome.Require(x == 0, "x == 0", 7, 1), ActionFairness.None)
            .Property(PropertyKind.Eventually, "Finished", x => x == 1)
            .Property(PropertyKind.Terminal, "Done", x => x == 1);

        Violation violation = Assert.Single(Explorer.Explore(model).Violations);

        // Wait is weakly fair but only ever stutters; Finish is not fair: the behavior may stay at 0.
        Assert.Equal(
            new[]
            {
                "no fair action is enabled here:",
                "  Wait: enabled, but its steps here change nothing",
                "  Finish: enabled, but Fairness.None promises nothing",
            },
            violation.Trace!.Epilogue);
    }

    /// <summary><c>Deliver</c> sets <c>delivered</c> once; <c>[Eventually] Delivered</c>, <c>[Terminal] Delivered</c>.</summary>
    private static ToyModel<bool> Mailbox(ActionFairness fairness) =>
        new ToyModel<bool>("Mailbox", false)
            .Field("delivered", d => d ? "true" : "false")
            .Action("Deliver", d => Outcome.Require(!d, "!delivered", 5, true), fairness)
            .Property(PropertyKind.Eventually, "Delivered", d => d)
            .Property(PropertyKind.Terminal, "Done", d => d);
}
