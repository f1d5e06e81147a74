using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>The explored graph as Graphviz DOT and Mermaid: <see cref="ExplorationOptions.GraphStates"/> and <see cref="ExploredGraph"/>.</summary>
public class GraphExportTests
{
    /// <summary>
    /// x from 0: <c>Inc</c> while x &lt; 3, <c>Reset</c> at 2. States, by hand: s0 = 0, s1 = 1, s2 = 2, s3 = 3;
    /// steps s0 -Inc-> s1 -Inc-> s2 -Inc-> s3 and s2 -Reset-> s0. In s3 the invariant is false and nothing is
    /// enabled, so it is stuck too; the invariant's trace is Inc, Inc, Inc.
    /// </summary>
    private static ToyModel<int> Tiny() =>
        new ToyModel<int>("Tiny", 0)
            .Field("x", x => x.ToString(CultureInfo.InvariantCulture))
            .Action("Inc", x => Outcome.Require(x < 3, "x < 3", 5, x + 1))
            .Action("Reset", x => Outcome.Require(x == 2, "x == 2", 9, 0))
            .Property(PropertyKind.Invariant, "NotThree", x => x != 3);

    private static ExplorationResult ExploreTiny(int graphStates = 10) =>
        Explorer.Explore(Tiny(), new ExplorationOptions { GraphStates = graphStates });

    [Fact]
    public void Graph_holds_the_states_steps_and_problems_found_by_hand()
    {
        ExploredGraph graph = ExploreTiny().Graph!;

        Assert.Equal(new[] { "x" }, graph.FieldNames);
        Assert.Equal(new[] { "0", "1", "2", "3" }, graph.States.Select(s => s.Values.Single()));
        Assert.Equal(new[] { 0, 1, 2, 3 }, graph.States.Select(s => s.Depth));
        Assert.Equal(
            new[] { "0 -Inc()-> 1", "1 -Inc()-> 2", "2 -Inc()-> 3", "2 -Reset()-> 0" },
            graph.Edges.Select(e => e.From + " -" + e.Label + "-> " + e.To));
        Assert.Equal(new[] { "invariant NotThree is false", "stuck" }, graph.States[3].Problems);
        Assert.All(graph.States.Take(3), s => Assert.Empty(s.Problems));
        Assert.Equal(4, graph.TotalStates);
        Assert.Equal(0, graph.OmittedSteps);
    }

    [Fact]
    public void Dot_text_is_pinned_with_the_first_violation_highlighted()
    {
        string dot = ExploreTiny().ToDot();

        Assert.Equal(
            "// 'Tiny': 4 states, breadth-first\n"
            + "// highlighted (red): Invariant 'NotThree' is violated after 3 steps\n"
            + "digraph \"Tiny\" {\n"
            + "  graph [label=\"'Tiny': 4 states, breadth-first\\nred: Invariant 'NotThree' is violated after 3 steps\", labelloc=t, fontname=\"Helvetica\", fontsize=12];\n"
            + "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n"
            + "  edge [fontname=\"Helvetica\", fontsize=9];\n"
            + "  start [shape=point, width=0.1, label=\"\"];\n"
            + "  start -> s0 [color=\"#d00000\", penwidth=2.5];\n"
            + "  s0 [label=\"x = 0\\l\", color=\"#d00000\", penwidth=2.5];\n"
            + "  s1 [label=\"x = 1\\l\", color=\"#d00000\", penwidth=2.5];\n"
            + "  s2 [label=\"x = 2\\l\", color=\"#d00000\", penwidth=2.5];\n"
            + "  s3 [label=\"x = 3\\linvariant NotThree is false\\lstuck\\l\", style=\"rounded,filled\", fillcolor=\"#ffe0e0\", color=\"#d00000\", penwidth=2.5];\n"
            + "  s0 -> s1 [label=\"1: Inc()\", color=\"#d00000\", fontcolor=\"#d00000\", penwidth=2.5];\n"
            + "  s1 -> s2 [label=\"2: Inc()\", color=\"#d00000\", fontcolor=\"#d00000\", penwidth=2.5];\n"
            + "  s2 -> s3 [label=\"3: Inc()\", color=\"#d00000\", fontcolor=\"#d00000\", penwidth=2.5];\n"
            + "  s2 -> s0 [label=\"Reset()\"];\n"
            + "}\n",
            dot);
    }

    [Fact]
    public void Mermaid_text_is_pinned_with_the_first_violation_highlighted()
    {
        string mermaid = ExploreTiny().ToMermaid();

        // Link 0 is the arrow into the initial state; the trace is links 1 to 3; Reset (link 4) stays plain.
        Assert.Equal(
            "---\n"
            + "title: \"'Tiny': 4 states, breadth-first; red: Invariant 'NotThree' is violated after 3 steps\"\n"
            + "---\n"
            + "flowchart TD\n"
            + "  %% 'Tiny': 4 states, breadth-first\n"
            + "  %% highlighted (red): Invariant 'NotThree' is violated after 3 steps\n"
            + "  s0[\"x = 0\"]\n"
            + "  s1[\"x = 1\"]\n"
            + "  s2[\"x = 2\"]\n"
            + "  s3[\"x = 3<br/>invariant NotThree is false<br/>stuck\"]\n"
            + "  start((start)) --> s0\n"
            + "  s0 -->|\"1: Inc()\"| s1\n"
            + "  s1 -->|\"2: Inc()\"| s2\n"
            + "  s2 -->|\"3: Inc()\"| s3\n"
            + "  s2 -->|\"Reset()\"| s0\n"
            + "  classDef problem fill:#ffe0e0,stroke:#d00000\n"
            + "  classDef trace stroke:#d00000,stroke-width:3px\n"
            + "  classDef traceProblem fill:#ffe0e0,stroke:#d00000,stroke-width:3px\n"
            + "  class s0,s1,s2 trace\n"
            + "  class s3 traceProblem\n"
            + "  linkStyle 0,1,2,3 stroke:#d00000,stroke-width:3px,color:#d00000\n",
            mermaid);
    }

    [Fact]
    public void Graph_without_a_violation_has_no_highlight()
    {
        ExplorationResult result = Explorer.Explore(
            Toys.Counter(2).Property(PropertyKind.Terminal, "AtTwo", x => x == 2), new ExplorationOptions { GraphStates = 10 });

        string dot = result.ToDot();
        string mermaid = result.ToMermaid();

        Assert.True(result.Passed);
        Assert.DoesNotContain("#d00000\"", dot);
        Assert.DoesNotContain("highlighted", dot);
        Assert.Contains("  start -> s0;\n", dot);
        Assert.Contains("  s2 [label=\"x = 2\\l\"];\n", dot);
        Assert.DoesNotContain("linkStyle", mermaid);
        Assert.DoesNotContain("  class ", mermaid);
    }

    [Fact]
    public void A_chosen_violation_is_highlighted_instead_of_the_first()
    {
        // Locks: the stuck state (1,1) is reached by TakeFirst(self: 0), TakeFirst(self: 1).
        ExplorationResult result = Explorer.Explore(
            Toys.Locks().Property(PropertyKind.Invariant, "Sane", _ => true), new ExplorationOptions { GraphStates = 100 });
        Violation stuck = result.Violations.Single(v => v.Kind == ViolationKind.Stuck);

        string dot = result.ToDot(highlight: stuck);

        Assert.Contains("// highlighted (red): " + stuck.Summary + "\n", dot);
        Assert.Equal(2, dot.Split('\n').Count(line => line.Contains(" -> s") && line.Contains("fontcolor=\"#d00000\"")));
        Assert.Contains("[label=\"1: TakeFirst(self: 0)\", color=\"#d00000\"", dot);
        Assert.Contains("[label=\"2: TakeFirst(self: 1)\", color=\"#d00000\"", dot);
    }

    [Fact]
    public void Drawing_fewer_states_cuts_the_graph_and_says_so()
    {
        ExplorationResult result = ExploreTiny();

        string dot = result.ToDot(maxStates: 2);
        string mermaid = result.ToMermaid(maxStates: 2);

        // s0 and s1 with the step between them; the step s1 -Inc-> s2 leads out of the drawing.
        const string title = "'Tiny': the first 2 of 4 states, breadth-first (graph cut at 2); 1 step to states not drawn";
        Assert.StartsWith("// " + title + "\n", dot);
        Assert.Contains("  s1 [label=\"x = 1\\l\", color=\"#d00000\", penwidth=2.5];\n  s0 -> s1 [label=\"1: Inc()\"", dot);
        Assert.DoesNotContain("s2", dot);
        Assert.Contains("  %% " + title + "\n", mermaid);
        Assert.DoesNotContain("s2", mermaid);
        Assert.Contains("  linkStyle 0,1 stroke", mermaid);
    }

    [Fact]
    public void GraphStates_keeps_only_the_first_states_and_counts_the_steps_out_of_them()
    {
        ExplorationResult result = ExploreTiny(graphStates: 3);
        ExploredGraph graph = result.Graph!;

        Assert.Equal(3, graph.States.Count);
        Assert.Equal(4, graph.TotalStates);
        Assert.Equal(1, graph.States[2].OmittedSteps);
        Assert.Equal(1, graph.OmittedSteps);
        Assert.Equal(new[] { "0 -> 1", "1 -> 2", "2 -> 0" }, graph.Edges.Select(e => e.From + " -> " + e.To));

        // Asking for more states than kept draws the kept ones; the trace is drawn as far as it is kept.
        Assert.Equal(result.ToDot(maxStates: 3), result.ToDot(maxStates: 500));
        Assert.Contains("graph cut at 3", result.ToDot());
        Assert.Contains("[label=\"2: Inc()\", color=\"#d00000\"", result.ToDot());
    }

    [Fact]
    public void Without_GraphStates_no_graph_is_kept()
    {
        ExplorationResult result = Explorer.Explore(Tiny());

        Assert.Null(result.Graph);
        var error = Assert.Throws<InvalidOperationException>(() => result.ToDot());
        Assert.Contains("GraphStates", error.Message);
        Assert.Throws<InvalidOperationException>(() => result.ToMermaid());
    }

    [Fact]
    public void Keeping_the_graph_changes_nothing_else()
    {
        var model = new MergeQueueModel(QueueVersion.Fixed, 3, QueueGoal.AllDone);
        ExplorationResult plain = Explorer.Explore(model);
        ExplorationResult drawn = Explorer.Explore(model, new ExplorationOptions { GraphStates = 50 });

        Assert.Equal(plain.DistinctStates, drawn.DistinctStates);
        Assert.Equal(plain.Transitions, drawn.Transitions);
        Assert.Equal(plain.Violations.Select(v => v.Message), drawn.Violations.Select(v => v.Message));
        Assert.Equal(50, drawn.Graph!.States.Count);
    }

    [Fact]
    public void Output_is_the_same_on_every_run_with_any_workers_culture_or_state_store()
    {
        // The ordered queue at N = 3 gets stuck: a highlighted trace through a graph with many steps out of it.
        ExplorationResult reference = Explorer.Explore(
            new MergeQueueModel(QueueVersion.Ordered, 3, QueueGoal.None), new ExplorationOptions { GraphStates = 40 });
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            foreach (var options in new[]
            {
                new ExplorationOptions { GraphStates = 40 },
                new ExplorationOptions { GraphStates = 40, Workers = 2 },
                new ExplorationOptions { GraphStates = 40, FingerprintsOnly = true },
            })
            {
                ExplorationResult again = Explorer.Explore(new MergeQueueModel(QueueVersion.Ordered, 3, QueueGoal.None), options);
                Assert.Equal(reference.ToDot(), again.ToDot());
                Assert.Equal(reference.ToMermaid(), again.ToMermaid());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Contains("highlighted (red): 'OrderedQueue' is stuck", reference.ToDot());
    }

    [Fact]
    public void Quotes_backslashes_and_line_breaks_are_escaped_for_both_formats()
    {
        var model = new ToyModel<int>("Odd \"name\"", 0)
            .Field("s", x => x == 0 ? "\"a\\b\"" : "line1\nline2 <b> & #1 | `x`")
            .Action("Go", x => Outcome.Require(x == 0, "x == 0", 3, 1));
        model = model.Property(PropertyKind.Terminal, "Done", x => x == 1);

        ExplorationResult result = Explorer.Explore(model, new ExplorationOptions { GraphStates = 10 });
        string dot = result.ToDot();
        string mermaid = result.ToMermaid();

        Assert.Contains("digraph \"Odd \\\"name\\\"\" {", dot);
        Assert.Contains("  s0 [label=\"s = \\\"a\\\\b\\\"\\l\"];", dot);
        Assert.Contains("  s1 [label=\"s = line1\\lline2 <b> & #1 | `x`\\l\"];", dot);
        Assert.Contains("title: \"'Odd \\\"name\\\"': 2 states, breadth-first\"", mermaid);
        Assert.Contains("  s0[\"s = #quot;a\\b#quot;\"]", mermaid);
        Assert.Contains("  s1[\"s = line1<br/>line2 #lt;b#gt; #amp; #35;1 #124; #96;x#96;\"]", mermaid);
    }
}
