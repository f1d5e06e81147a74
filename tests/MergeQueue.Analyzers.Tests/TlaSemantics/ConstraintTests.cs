using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary><c>[Constraint]</c> as TLC's <c>CONSTRAINT</c>, in both back ends, against TLC runs of the quoted specs.</summary>
public sealed class ConstraintTests
{
    [Fact]
    public void States_outside_the_constraint_are_checked_but_not_counted_and_keep_their_parent_from_being_stuck()
    {
        // Con.tla: Init == x \in 0..1 /\ y = 0   Inc == x' = x + 1 /\ y' = y   Bump == y < 1 /\ y' = y + 1 /\ x' = x
        // CONSTRAINT x < 3, INVARIANT x < 10, deadlock checked. TLC: no error; "11 states generated, 6 distinct
        // states found", depth 3.
        string source = BothBackEnds.Model("Con", """
            int x, y;
            public Con([Range(0, 1)] int x) => this.x = x;
            [Action] void Inc() => x++;
            [Action] void Bump() { Require(y < 1); y++; }
            [Constraint] bool Small => x < 3;
            [Invariant] bool Inv() => x < 10;
            """);

        var result = BothBackEnds.Explore("Con", source);

        Assert.Empty(result.Violations);
        Assert.True(result.Complete);
        Assert.Equal(6, result.DistinctStates);
        Assert.Equal(11 - 2, result.Transitions);
        Assert.Equal(2, result.Depth);
    }

    [Fact]
    public void An_invariant_false_only_outside_the_constraint_is_reported_with_the_step_into_it()
    {
        // Con4.tla: Init == x = 0   Next == x' = x + 1   CONSTRAINT x < 3   INVARIANT x < 3. TLC: violated, the
        // behavior x = 0, 1, 2, 3; "4 states generated, 3 distinct states found".
        string source = BothBackEnds.Model("Con4", """
            int x;
            [Action] void Next() => x++;
            [Constraint] bool Small() => x < 3;
            [Invariant] bool Inv() => x < 3;
            """);

        var result = BothBackEnds.Explore("Con4", source);

        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(
            "InvariantViolated: Invariant 'Inv' is violated after 3 steps\n0: initial state: x = 0\n1: Next(): x = 1\n2: Next(): x = 2\n3: Next(): x = 3",
            Assert.Single(result.Violations));
    }

    [Fact]
    public async Task A_liveness_property_a_cut_behavior_may_break_is_not_claimed()
    {
        // ConL2.tla: Next == (x < 3 /\ x' = x + 1) \/ (x = 3 /\ x' = 4) \/ (x = 4 /\ x' = 3), WF_x(Next),
        // PROPERTY <>(x = 10). TLC finds the counterexample without a constraint, and with CONSTRAINT x < 3 reports
        // "No error has been found". The checker warns that it did not check the property (SM0005), never a pass.
        string source = BothBackEnds.Model("ConL2", """
            int x;
            [Action] void Next() => x = x < 3 ? x + 1 : x == 3 ? 4 : 3;
            [Eventually] bool Ten() => x == 10;
            [Constraint] bool Small() => x < 3;
            """).Replace("public partial class ConL2", "public partial class {|SM0005:ConL2|}");

        var diagnostics = await AnalyzerRun.VerifyAsync(source);

        Assert.Contains("no counterexample was found for [Eventually] 'Ten'", diagnostics.Single("SM0005").GetMessage(), System.StringComparison.Ordinal);
        Assert.False(BothBackEnds.Explore("ConL2", source.Replace("{|SM0005:ConL2|}", "ConL2")).Complete);
    }
}
