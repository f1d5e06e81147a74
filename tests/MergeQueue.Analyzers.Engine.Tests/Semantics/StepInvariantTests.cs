using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Semantics;

/// <summary>
/// <c>[StepInvariant]</c> as TLA+'s action property <c>[][A]_vars</c>: checked on every step that changes the state,
/// to a new state or a known one; the trace ends with the step that breaks it.
/// </summary>
public class StepInvariantTests
{
    [Fact]
    public void A_step_back_to_a_known_state_is_checked_and_the_trace_ends_with_it()
    {
        // Act.tla: Init == x = 0   Inc == x < 2 /\ x' = x + 1   Reset == x = 2 /\ x' = 0
        // PROPERTY Mono == [][x' >= x]_x. TLC: "Action property Mono is violated", the behavior 0, 1, 2, then
        // Reset to 0; 3 distinct states.
        var model = new ToyModel<int>("Act", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < 2, "x < 2", 5, x + 1))
            .Action("Reset", x => Outcome.Require(x == 2, "x == 2", 6, 0))
            .StepInvariant("Mono", (before, after) => after >= before);

        ExplorationResult result = Explorer.Explore(model);

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal(ViolationKind.StepInvariantViolated, violation.Kind);
        Assert.Equal(
            "Step invariant 'Mono' is violated by step 3\n0: initial state: x = 0\n1: Inc(): x = 1\n2: Inc(): x = 2\n3: Reset(): x = 0",
            violation.Message);
        Assert.Equal("property Mono", violation.Site);
        Assert.Equal(new object?[] { "action Inc", "action Inc", "action Reset" }, violation.StepSites);
        Assert.Equal(3, result.DistinctStates);
    }

    [Fact]
    public void A_step_that_changes_nothing_is_not_checked()
    {
        // Stut.tla: Init == x = 0   Inc == x < 2 /\ x' = x + 1   Stay == x' = x   PROPERTY [][x' > x]_x.
        // TLC: no error (a step that leaves x as it is is a stuttering step); "6 states generated, 3 distinct".
        var model = new ToyModel<int>("Stut", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < 2, "x < 2", 5, x + 1))
            .Action("Stay", Outcome.To)
            .StepInvariant("Up", (before, after) => after > before);

        ExplorationResult result = Explorer.Explore(model);

        Assert.True(result.Passed);
        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(6 - 1, result.Transitions);
    }

    [Fact]
    public void A_step_out_of_the_constraint_is_checked_too()
    {
        // TLC checks action properties on every transition, including one to a state outside the CONSTRAINT.
        var model = new ToyModel<int>("Jump", 0)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.To(x == 1 ? 5 : x + 1))
            .Property(PropertyKind.Constraint, "Small", x => x < 3)
            .StepInvariant("ByOne", (before, after) => after == before + 1);

        Violation violation = Assert.Single(Explorer.Explore(model).Violations);

        Assert.Equal("Step invariant 'ByOne' is violated by step 2\n0: initial state: x = 0\n1: Next(): x = 1\n2: Next(): x = 5", violation.Message);
    }
}
