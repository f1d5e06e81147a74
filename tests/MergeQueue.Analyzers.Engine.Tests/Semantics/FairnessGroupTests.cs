using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Semantics;

/// <summary>
/// Actions of one fairness group are fair as one action: TLA+ <c>WF_vars(A \/ B)</c>, weaker than
/// <c>WF_vars(A) /\ WF_vars(B)</c> asks of each, stronger when each is enabled only some of the time.
/// </summary>
public class FairnessGroupTests
{
    // Fair.tla: Init == x = 0 /\ done = FALSE   Flip == x' = 1 - x /\ UNCHANGED done
    // GoA == ~done /\ x = 0 /\ done' = TRUE /\ UNCHANGED x   GoB == ~done /\ x = 1 /\ done' = TRUE /\ UNCHANGED x
    // PROPERTY <>done. TLC: "7 states generated, 4 distinct states found", depth 3, and
    //   Separate == ... /\ WF_vars(Flip) /\ WF_vars(GoA) /\ WF_vars(GoB): violated (Flip forever: 0, 1, back to 0);
    //   Grouped  == ... /\ WF_vars(Flip) /\ WF_vars(GoA \/ GoB): no error.
    private static ToyModel<(int X, bool Done)> Fair(string? group) =>
        new ToyModel<(int X, bool Done)>("Fair", (0, false))
            .Field("x", s => s.X.ToString())
            .Field("done", s => s.Done ? "true" : "false")
            .Action("Flip", s => Outcome.To((1 - s.X, s.Done)))
            .Action("GoA", s => Outcome.Require(!s.Done && s.X == 0, "!done && x == 0", 7, (s.X, true)), group: group)
            .Action("GoB", s => Outcome.Require(!s.Done && s.X == 1, "!done && x == 1", 8, (s.X, true)), group: group)
            .Property(PropertyKind.Eventually, "Done", s => s.Done);

    [Fact]
    public void Each_action_fair_alone_lets_both_starve()
    {
        ExplorationResult result = Explorer.Explore(Fair(group: null));

        Violation violation = Assert.Single(result.Violations);
        Assert.Equal("0: initial state: x = 0, done = false\n1: Flip(): x = 1\n2: Flip(): x = 0\nback to step 0", violation.Trace!.Format());
        Assert.Equal(4, result.DistinctStates);
        Assert.Equal(7 - 1, result.Transitions);
    }

    [Fact]
    public void Actions_fair_as_one_group_cannot_both_starve()
    {
        ExplorationResult result = Explorer.Explore(Fair(group: "go"));

        Assert.True(result.Passed);
        Assert.Equal(4, result.DistinctStates);
    }
}
