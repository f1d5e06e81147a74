using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.TlaSemantics;

/// <summary>
/// SPEC §1 "Several initial states", in both back ends, against TLC (tla2tools 2025-06-23,
/// <c>tlc2.TLC -workers 1 -config M.cfg M.tla</c> on the spec quoted beside each test; TLC's depth is one more).
/// </summary>
public sealed class InitialStatesTests
{
    [Fact]
    public void Every_combination_of_the_constructor_arguments_is_an_initial_state()
    {
        // Init.tla: VARIABLES c, n, x   Init == c \in {"Blue", "Red"} /\ n \in 0..2 /\ (n # 1 \/ c = "Red") /\ x = n % 2
        // Next == x < 3 /\ x' = x + 1 /\ UNCHANGED <<c, n>>, CHECK_DEADLOCK FALSE. TLC: "Finished computing initial
        // states: 7 states generated, with 5 of them distinct"; "21 states generated, 19 distinct states found";
        // depth 4. Readonly fields set by the constructor: the generated explorer takes its general path.
        string source = BothBackEnds.Model("Init", """
            readonly Color c;
            readonly int n;
            int x;

            public Init(Color c, [Range(0, 2)] int n)
            {
                Require(n != 1 || c == Color.Red);
                this.c = c;
                this.n = n;
                x = n % 2;
            }

            [Action] void Next() { Require(x < 3); x++; }
            """, "public enum Color { Blue, Red }\n", "[StateMachine(CheckStuck = false)]");

        var result = BothBackEnds.Explore("Init", source);

        Assert.Equal(19, result.DistinctStates);
        Assert.Equal(21 - 7, result.Transitions);
        Assert.Equal(3, result.Depth);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Equal_initial_states_count_once_and_traces_name_the_arguments_of_theirs()
    {
        // Dup.tla: Init == \E k \in 0..5: k # 4 /\ x = k % 3   Next == x < 4 /\ x' = x + 1   INVARIANT x < 4.
        // TLC: "5 states generated, with 3 of them distinct" initially; Inv violated by x = 2, 3, 4; "9 states
        // generated, 5 distinct states found". Here x = 4 is also stuck, in the same level: both are reported.
        string source = BothBackEnds.Model("Dup", """
            int x;

            public Dup([Range(0, 5)] int k)
            {
                Require(k != 4);
                x = k % 3;
            }

            [Action] void Next() { Require(x < 4); x++; }
            [Invariant] bool Inv() => x < 4;
            """);

        var result = BothBackEnds.Explore("Dup", source);

        Assert.Equal(5, result.DistinctStates);
        Assert.Equal(9 - 5, result.Transitions);
        Assert.Equal(
            "InvariantViolated: Invariant 'Inv' is violated after 2 steps\n0: initial state (k: 2): x = 2\n1: Next(): x = 3\n2: Next(): x = 4",
            result.Violations[0]);
        Assert.StartsWith("Stuck: 'Dup' is stuck after 2 steps", result.Violations[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_only_constructor_builds_the_initial_states_beside_the_generated_copy_constructor()
    {
        // In a build the analyzer sees the generator's output too: its copy constructor (written out here as the
        // generator writes it) is not a second candidate. Written by hand, the generator's names are the user's own,
        // so the generator says it cannot add its members (SM0112) while the analyzer still checks the model.
        string source = BothBackEnds.Model("Lamp", """
            bool on;
            public Lamp(bool on) => this.on = on;
            private Lamp(Lamp source, __MergeQueueCopy tag) => on = source.on;
            private readonly struct __MergeQueueCopy { }
            [Action] void Toggle() => on = !on;
            """);

        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });

        Assert.Equal(new[] { "SM0010", "SM0112" }, diagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.StartsWith("'Lamp': 2 distinct states, 2 transitions, depth 0", diagnostics.Single("SM0010").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_constructor_that_drops_every_combination_leaves_nothing_to_explore()
    {
        string source = BothBackEnds.Model("Nothing", """
            int x;
            public Nothing([Range(0, 1)] int k) { Require(k > 1); x = k; }
            [Action] void Next() { x = 0; }
            """);

        var result = BothBackEnds.Explore("Nothing", source);

        Assert.Equal(0, result.DistinctStates);
        Assert.StartsWith(
            "ExecutionFailed: 'Nothing' has no initial state: the constructor's Require is false for all 2 combinations of its arguments\n0: Require(k > 1) is false (line ",
            Assert.Single(result.Violations),
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void Liveness_starts_from_every_initial_state()
    {
        // InitL.tla: Init == x \in {0, 5}   Next == x < 3 /\ x' = x + 1   Spec == ... /\ WF_x(Next)   PROPERTY <>(x = 3).
        // TLC: violated, "State 1: x = 5, State 2: Stuttering"; 5 distinct states.
        string source = BothBackEnds.Model("InitL", """
            int x;
            public InitL([Values(0, 5)] int x) => this.x = x;
            [Action] void Next() { Require(x < 3); x++; }
            [Eventually] bool Three() => x == 3;
            """, attribute: "[StateMachine(CheckStuck = false)]");

        var result = BothBackEnds.Explore("InitL", source);

        Assert.Equal(5, result.DistinctStates);
        Assert.Equal(
            "LivenessViolated: [Eventually] 'Three' fails on a fair behavior: it is false in every state, and the behavior stays in the initial state forever\n"
            + "0: initial state (x: 5): x = 5\nstays here forever\nno action is enabled here",
            Assert.Single(result.Violations));
    }

    [Fact]
    public void Combinations_are_numbered_first_parameter_slowest_and_not_written_out_one_by_one()
    {
        // 100 * 100 * 2 = 20,000 combinations; Require(a + b == 99) keeps 200 of them, and x = a * 2 + (odd ? 1 : 0)
        // is distinct for each: 200 distinct states, no action enabled. x = 101 only for a = 50, b = 49, odd = true,
        // the initial state the trace names.
        string source = BothBackEnds.Model("Wide", """
            readonly int x;

            public Wide([Range(0, 99)] int a, [Range(0, 99)] int b, bool odd)
            {
                Require(a + b == 99);
                x = a * 2 + (odd ? 1 : 0);
            }

            [Action] void Never() => Require(x < 0);
            [Invariant] bool Not101() => x != 101;
            """, attribute: "[StateMachine(CheckStuck = false)]");

        var result = BothBackEnds.Explore("Wide", source, BothBackEnds.Continue());

        Assert.Equal(200, result.DistinctStates);
        Assert.Equal(
            "InvariantViolated: Invariant 'Not101' is violated in the initial state\n0: initial state (a: 50, b: 49, odd: true): x = 101",
            Assert.Single(result.Violations));

        // The adapter holds each parameter's 100, 100 and 2 values: a line per combination (MCBinarySearch's 295,245
        // took the process down) would be 20,000 lines here, over a megabyte.
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(source));
        Assert.InRange(output.SyntaxTrees.Last().Length, 1, 50_000);
    }
}
