using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary>
/// <c>[Action(FairnessGroup = "g")]</c>: the actions of a group are fair as one, per <c>[Process]</c> value (TLA+
/// <c>\A p: WF_vars(A(p) \/ B(p))</c>), in both back ends.
/// </summary>
public sealed class FairnessGroupTests
{
    // FairP.tla: x, c \in [{0, 1} -> {0, 1}]; Flip(p) flips x[p]; A(p) == x[p] = 0 /\ c' = [c EXCEPT ![p] = 1 - c[p]];
    // B(p) the same with x[p] = 1. PROPERTY \A p: []<>(c[p] = 1). TLC, each spec: "65 states generated, 16 distinct
    // states found", depth 5, and
    //   PerProcess == ... /\ \A p: WF_vars(Flip(p)) /\ WF_vars(A(p) \/ B(p)): no error;
    //   OneGroup   == ... /\ \A p: WF_vars(Flip(p)) /\ WF_vars(\E p: A(p) \/ B(p)): violated (only process 1 toggles);
    //   Separate   == ... /\ \A p: WF_vars(Flip(p)) /\ WF_vars(A(p)) /\ WF_vars(B(p)): violated (Flip forever).
    private static string Model(string a, string b) => BothBackEnds.Model("FairP", $$"""
        readonly int[] x = new int[2], c = new int[2];
        [Action] void Flip([Process][Range(0, 1)] int p) => x[p] = 1 - x[p];
        {{a}} { Require(x[p] == 0); c[p] = 1 - c[p]; }
        {{b}} { Require(x[p] == 1); c[p] = 1 - c[p]; }
        [AlwaysEventually] bool Toggles([Range(0, 1)] int p) => c[p] == 1;
        """);

    [Fact]
    public void A_group_per_process_holds()
    {
        var result = BothBackEnds.Explore("FairP", Model(
            "[Action(FairnessGroup = \"work\")] void A([Process][Range(0, 1)] int p)",
            "[Action(FairnessGroup = \"work\")] void B([Process][Range(0, 1)] int p)"));

        Assert.Equal(16, result.DistinctStates);
        Assert.Equal(65 - 1, result.Transitions);
        Assert.Equal(4, result.Depth);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void One_group_for_every_process_lets_one_starve()
    {
        var result = BothBackEnds.Explore("FairP", Model(
            "[Action(FairnessGroup = \"work\")] void A([Range(0, 1)] int p)",
            "[Action(FairnessGroup = \"work\")] void B([Range(0, 1)] int p)"));

        // TLC checks \A p as one property; here each p is an instance, and either process may be the one starved.
        Assert.Equal(2, result.Violations.Count);
        Assert.StartsWith("LivenessViolated: [AlwaysEventually] 'Toggles(p: 0)'", result.Violations[0], System.StringComparison.Ordinal);
        Assert.StartsWith("LivenessViolated: [AlwaysEventually] 'Toggles(p: 1)'", result.Violations[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Each_action_fair_alone_lets_both_starve()
    {
        var result = BothBackEnds.Explore("FairP", Model(
            "[Action] void A([Process][Range(0, 1)] int p)",
            "[Action] void B([Process][Range(0, 1)] int p)"));

        Assert.Equal(2, result.Violations.Count);
    }
}
