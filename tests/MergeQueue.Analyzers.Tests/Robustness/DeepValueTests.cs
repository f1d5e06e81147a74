using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Values nested past the checker's bound (1,000 levels) fail the step that builds or walks them with a message that
/// says so, instead of overflowing the compiler's stack (measured: the process died at 20,000 to 60,000 levels).
/// </summary>
public sealed class DeepValueTests
{
    private const string TooDeep = "went past a limit of the checker: a value nested deeper than 1,000 levels";

    [Theory]
    // Snapshotting the successor state walks the chain (Freeze).
    [InlineData("[Action] void Grow() { Require(head == null); for (int i = 0; i < 40000; i++) head = new Node(i, head); }", "Action 'Grow()'")]
    // == on records compares member by member.
    [InlineData("[Action] void Grow() { Require(head == null); Node? a = null, b = null; for (int i = 0; i < 60000; i++) { a = new Node(i, a); b = new Node(i, b); } flag = a == b; }", "Action 'Grow()'")]
    // A hash set hashes the chain.
    [InlineData("[Action] void Grow() { Require(head == null); var set = new HashSet<Node?> { Chain(30000), Chain(30000) }; flag = set.Count == 1; }", "Action 'Grow()'")]
    // ToString() prints the chain.
    [InlineData("[Action] void Grow() { Require(head == null); flag = Chain(30000).ToString().Length > 0; }", "Action 'Grow()'")]
    public async Task A_deep_chain_built_in_one_step_fails_that_step(string action, string subject)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { Model(action) });

        Assert.StartsWith(subject + " " + TooDeep, diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task A_chain_grown_one_node_per_step_stops_at_the_bound()
    {
        // Every step adds one node to a chain already frozen into the state: the depth is kept with the frozen nodes.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { Model("[Action] void Grow() { Require(length < 1200); head = new Node(length, head); length++; }") });

        Assert.StartsWith("Action 'Grow()' " + TooDeep, diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task Lists_nested_in_records_count_as_levels()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + """
            record Box(int V, List<Box> Kids);

            [StateMachine]
            partial class Nested
            {
                Box? root;
                [Action] void Grow()
                {
                    Require(root == null);
                    var box = new Box(0, new List<Box>());
                    for (int i = 1; i < 30000; i++) box = new Box(i, new List<Box> { box });
                    root = box;
                }
            }
            """,
        });

        Assert.StartsWith("Action 'Grow()' " + TooDeep, diagnostics.Single("SM0004").MessageLines()[0]);
    }

    [Fact]
    public async Task A_chain_within_the_bound_is_an_ordinary_state()
    {
        // By hand: the initial state (null) and the state holding 900 nodes; Grow is then disabled, so it is stuck.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { Model("[Action] void Grow() { Require(head == null); for (int i = 0; i < 900; i++) head = new Node(i, head); }") });

        Assert.StartsWith("'Deep': 2 distinct states", diagnostics.Single("SM0010").GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0004");
    }

    [Fact]
    public async Task Recursion_past_the_call_bound_says_so()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { Model("int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);\n[Action] void Grow() { Require(length == 0); length = Depth(5000); }") });

        Assert.Equal(
            "Action 'Grow()' went past a limit of the checker: the recursion went deeper than 1,000 calls (a stack overflow in .NET)",
            diagnostics.Single("SM0004").MessageLines()[0]);
    }

    // The generated Explore() hashes, compares, copies and prints values with helpers of its own: they stop at the
    // same level with the same text. (A chain grown within the step is the user's own code in Explore(), run as .NET
    // runs it; the helpers meet the chain when the engine stores the successor.)
    [Theory]
    [InlineData("[Action] void Grow() { Require(head == null); for (int i = 0; i < 40000; i++) head = new Node(i, head); }")]
    [InlineData("[Action] void Grow() { Require(length < 1200); head = new Node(length, head); length++; }")]
    public async Task Explore_stops_a_chain_past_the_bound_as_the_checker_does(string action)
    {
        var source = Model(action);
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });
        var generated = GeneratorRun.Explore("Deep", source);

        Assert.StartsWith("Action 'Grow()' " + TooDeep, diagnostics.Single("SM0004").MessageLines()[0]);
        Assert.Contains(generated.Violations, v => v.StartsWith("ExecutionFailed: Action 'Grow()' " + TooDeep, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explore_prints_a_chain_within_the_bound_as_the_checker_does()
    {
        // By hand: the initial state (length 0) and the state holding 900 nodes, which breaks the invariant.
        var source = Model("[Action] void Grow() { Require(head == null); for (int i = 0; i < 900; i++) head = new Node(i, head); length = 900; }\n[Invariant] bool Short() => length < 900;");
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });
        var generated = GeneratorRun.Explore("Deep", source);

        string checker = diagnostics.Single("SM0001").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Node { V = 899, Next = Node { V = 898,", checker);
        Assert.Equal(2, generated.DistinctStates);
        Assert.Contains("Node { V = 899, Next = Node { V = 898,", generated.Report);
    }

    private static string Model(string action) => TestCompilation.Usings + """
        record Node(int V, Node? Next);

        [StateMachine]
        partial class Deep
        {
            Node? head;
            int length;
            bool flag;

            static Node? Chain(int n)
            {
                Node? chain = null;
                for (int i = 0; i < n; i++) chain = new Node(i, chain);
                return chain;
            }

        """ + action + "\n}\n";
}
