using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>Exceptions, failed Asserts and step-budget overruns, in actions, properties and the initial state.</summary>
public class FailureTests
{
    // These models break several properties at different depths: explored to the end (TLC's -continue), each is
    // reported with its own shortest trace. By default the search stops after the level of the first (Stopping).
    private static readonly ExplorationOptions Continue = new() { ContinueAfterViolation = true };

    [Fact]
    public void Exception_in_an_action_is_reported_at_the_failing_statement_with_the_failing_step_last()
    {
        ExplorationResult result = Explorer.Explore(Toys.Fragile(), Continue);

        // Crash first throws at x = 2 (after 2 Incs) and again at x = 3 from the same statement: reported once.
        Violation crash = result.Violations.Single(v => v.Summary.Contains("Crash"));
        Assert.Equal(ViolationKind.ExecutionFailed, crash.Kind);
        Assert.Equal("Action 'Crash()' threw IndexOutOfRangeException: Index was outside the bounds of the array.", crash.Summary);
        Assert.Equal("line 12", crash.Site);
        Assert.Equal(-1, crash.Property);
        Assert.Equal(
            "0: initial state: x = 0\n1: Inc(): x = 1\n2: Inc(): x = 2\n"
            + "3: Crash() threw IndexOutOfRangeException: Index was outside the bounds of the array.",
            crash.Trace!.Format());
    }

    [Fact]
    public void Failed_Assert_names_the_action_and_the_message()
    {
        Violation check = Explorer.Explore(Toys.Fragile(), Continue).Violations.Single(v => v.Summary.Contains("Check"));

        // Check asserts at x = 1, one step in.
        Assert.Equal("Assert failed in 'Check()': x must stay small", check.Summary);
        Assert.Equal("line 8", check.Site);
        Assert.Equal("2: Check() failed an Assert: x must stay small", check.Trace!.Epilogue.Single());
    }

    [Fact]
    public void Step_budget_overrun_names_the_budget()
    {
        var options = new ExplorationOptions { MaxStepsPerExecution = 5_000, ContinueAfterViolation = true };

        Violation spin = Explorer.Explore(Toys.Fragile(), options).Violations.Single(v => v.Summary.Contains("Spin"));

        Assert.Equal("Action 'Spin()' ran past 5,000 steps (an endless loop or recursion?)", spin.Summary);
        Assert.Equal("line 16", spin.Site);
        Assert.Equal("4: Spin() ran past 5,000 steps", spin.Trace!.Epilogue.Single());
    }

    [Fact]
    public void Failing_invariant_is_an_execution_failure_at_the_failing_statement()
    {
        Violation lookup = Explorer.Explore(Toys.Fragile(), Continue).Violations.Single(v => v.Summary.Contains("Lookup"));

        // Lookup divides by zero at x = 3: the trace ends in that state.
        Assert.Equal(ViolationKind.ExecutionFailed, lookup.Kind);
        Assert.Equal("Invariant 'Lookup' threw DivideByZeroException: Attempted to divide by zero.", lookup.Summary);
        Assert.Equal("line 20", lookup.Site);
        Assert.Equal(0, lookup.Property);
        Assert.Equal(4, lookup.Trace!.Steps.Count);
        Assert.Equal("after step 3: Invariant 'Lookup' threw DivideByZeroException: Attempted to divide by zero.", lookup.Trace.Epilogue.Single());
    }

    [Fact]
    public void Every_failure_and_the_stuck_state_are_reported_in_the_order_found()
    {
        ExplorationResult result = Explorer.Explore(Toys.Fragile(), Continue);

        // x = 1: Check; x = 2: Crash; x = 3: Lookup (checked before the actions run), Spin, then stuck.
        Assert.Equal(
            new[]
            {
                "Assert failed in 'Check()': x must stay small",
                "Action 'Crash()' threw IndexOutOfRangeException: Index was outside the bounds of the array.",
                "Invariant 'Lookup' threw DivideByZeroException: Attempted to divide by zero.",
                "Action 'Spin()' ran past 100,000 steps (an endless loop or recursion?)",
                "'Fragile' is stuck after 3 steps: no action is enabled",
            },
            result.Violations.Select(v => v.Summary));
    }

    [Fact]
    public void Failures_of_one_action_at_different_statements_are_reported_separately()
    {
        // Odd throws at line 4 in state 1 and at line 5 in state 3: two sites, two violations.
        var model = Toys.Counter(4)
            .Property(PropertyKind.Terminal, "AtFour", x => x == 4)
            .Action("Odd", x => x % 2 == 0
                ? Outcome.Disabled<int>("x % 2 == 1", 3)
                : Outcome.Throws<int>("InvalidOperationException: odd " + x, x == 1 ? "line 4" : "line 5"));

        ExplorationResult result = Explorer.Explore(model, Continue);

        Assert.Equal(new object?[] { "line 4", "line 5" }, result.Violations.Select(v => v.Site));
        Assert.Equal(
            new[] { "Action 'Odd()' threw InvalidOperationException: odd 1", "Action 'Odd()' threw InvalidOperationException: odd 3" },
            result.Violations.Select(v => v.Summary));
    }

    [Fact]
    public void Failure_building_the_initial_state_is_reported_and_nothing_is_explored()
    {
        var model = new ToyModel<int>(
                "Broken",
                () => StepOutcome<int>.Failed(new Failure(FailureKind.Exception, "NullReferenceException: Object reference not set to an instance of an object.", "line 2")))
            .Field("x", x => x.ToString());

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(
            "Building the initial state of 'Broken' threw NullReferenceException: Object reference not set to an instance of an object.",
            violation.Summary);
        Assert.Equal("line 2", violation.Site);
        Assert.Equal(0, result.DistinctStates);
        Assert.False(result.Passed);
    }
}
