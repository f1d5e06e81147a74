using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary><c>[StepInvariant]</c> as TLA+'s action property <c>[][A]_vars</c> (SM0008), in both back ends.</summary>
public sealed class StepInvariantTests
{
    // Act.tla: Init == x = 0   Inc == x < 2 /\ x' = x + 1   Reset == x = 2 /\ x' = 0   PROPERTY Mono == [][x' >= x]_x.
    // TLC: "Action property Mono is violated", the behavior 0, 1, 2, 0 (Reset); 3 distinct states.
    private const string Act = """
        int x;
        [Action] void Inc() { Require(x < 2); x++; }
        [Action] void Reset() { Require(x == 2); x = 0; }
        [StepInvariant] bool Mono(Act before) => x >= before.x;
        """;

    [Fact]
    public void Both_back_ends_report_the_step_that_breaks_it_last()
    {
        var result = BothBackEnds.Explore("Act", BothBackEnds.Model("Act", Act));

        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(
            "StepInvariantViolated: Step invariant 'Mono' is violated by step 3\n0: initial state: x = 0\n1: Inc(): x = 1\n2: Inc(): x = 2\n3: Reset(): x = 0",
            Assert.Single(result.Violations));
    }

    [Fact]
    public async Task The_analyzer_reports_SM0008_at_the_step_invariant_with_each_step_as_a_location()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(BothBackEnds.Model("Act", Act.Replace("bool Mono(", "bool {|SM0008:Mono|}(")));

        Assert.Equal(3, diagnostics.Single("SM0008").AdditionalLocations.Count);
    }

    [Fact]
    public void A_step_invariant_reads_records_and_collections_of_the_state_before()
    {
        // Stut.tla's idea on a list: appending keeps every earlier element (the general path in both back ends).
        string source = BothBackEnds.Model("Log", """
            List<int> log = new();
            [Action] void Append([Range(0, 1)] int v) { Require(log.Count < 3); log.Add(v); }
            [Action] void Stay() { }
            [Terminal] bool Full() => log.Count == 3;
            [StepInvariant] bool Grows(Log before) => log.Count == before.log.Count + 1 && before.log.SequenceEqual(log.Take(before.log.Count));
            """);

        var result = BothBackEnds.Explore("Log", source);

        // 1 + 2 + 4 + 8 lists; Stay changes nothing, so it is not checked.
        Assert.Equal(15, result.DistinctStates);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Methods_and_computed_properties_of_the_state_before_run_on_it()
    {
        // A refinement mapping, as GlowingRaccoon's Clean spec writes it: [][UNCHANGED Strands]_vars, Strands computed.
        // Move shifts one unit from a to b (Strands = a + b holds); Leak drops one once a reaches 0 (it breaks).
        // Arguments are evaluated on the state after the step: Plus(b) adds the new b to the old a.
        string source = BothBackEnds.Model("Mapping", """
            int a = 2, b;
            int Strands => a + b;
            int Plus(int other) => a + other;
            [Action] void Move() { Require(a > 0); a--; b++; }
            [Action] void Leak() { Require(a == 0 && b > 0); b--; }
            [StepInvariant] bool Preserved(Mapping before) => Strands == before.Strands && (a == before.a || before.Plus(b) == before.a + b);
            """);

        var result = BothBackEnds.Explore("Mapping", source);

        Assert.Equal(
            "StepInvariantViolated: Step invariant 'Preserved' is violated by step 3\n0: initial state: a = 2, b = 0\n1: Move(): a = 1, b = 1\n2: Move(): a = 0, b = 2\n3: Leak(): b = 1",
            Assert.Single(result.Violations));
    }
}
