using System;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// SPEC §2: the state is compared structurally, so the same contents reached by different paths are one state;
/// and one mutable object in two places of the state is a model error, never silently two copies.
/// Both checkers are asked: the analyzer (SM0010 statistics) and the generated <c>Explore()</c>.
/// </summary>
public sealed class StateIdentityTests
{
    private static string Model(string name, string body) =>
        TestCompilation.Usings + "namespace Identity;\n\n[StateMachine]\npublic partial class " + name + "\n{\n" + body + "\n}\n";

    /// <summary>
    /// {}, {1}, {2}, {1, 2}: 4 states, not 5 — {1, 2} is reached as Add(1) then Add(2) and as Add(2) then Add(1), in
    /// two insertion orders; Churn re-adds 1 after 3 came and went, another internal layout of the same set.
    /// Transitions: {} 2, {1} 1 (Two), {2} 1 (One), {1, 2} 1 (Churn, back to itself) = 5. Depth 2.
    /// </summary>
    private static readonly string HashSetModel = Model("Sets", """
            HashSet<int> set = new();
            [Action] void One() { Require(!set.Contains(1)); set.Add(1); }
            [Action] void Two() { Require(!set.Contains(2)); set.Add(2); }
            [Action] void Churn() { Require(set.Count == 2); set.Remove(1); set.Add(3); set.Remove(3); set.Add(1); }
            """);

    /// <summary>The same for a dictionary: {}, {1: 10}, {2: 20}, {1: 10, 2: 20} = 4 states, 5 transitions, depth 2.</summary>
    private static readonly string DictionaryModel = Model("Maps", """
            Dictionary<int, int> map = new();
            [Action] void One() { Require(!map.ContainsKey(1)); map[1] = 10; }
            [Action] void Two() { Require(!map.ContainsKey(2)); map.Add(2, 20); }
            [Action] void Churn() { Require(map.Count == 2); map.Remove(1); map[3] = 30; map.Remove(3); map[1] = 10; }
            """);

    /// <summary>
    /// Three ways to the list [1, 2] from []: Add, Add; Add(2), Insert(0, 1); Add three, RemoveAt(2). States: [] and
    /// [1, 2] = 2; transitions 3 (all from []); depth 1. [1, 2] is terminal.
    /// </summary>
    private static readonly string ListModel = Model("Lists", """
            List<int> list = new();
            [Action] void Append() { Require(list.Count == 0); list.Add(1); list.Add(2); }
            [Action] void Prepend() { Require(list.Count == 0); list.Add(2); list.Insert(0, 1); }
            [Action] void Trim() { Require(list.Count == 0); list.Add(1); list.Add(2); list.Add(3); list.RemoveAt(2); }
            [Terminal] bool Built() => list.Count == 2;
            """);

    [Theory]
    [InlineData("Sets", 4, 5, 2)]
    [InlineData("Maps", 4, 5, 2)]
    [InlineData("Lists", 2, 3, 1)]
    public async Task The_same_collection_contents_reached_in_different_orders_are_one_state(string name, long states, long transitions, int depth)
    {
        string source = name switch { "Sets" => HashSetModel, "Maps" => DictionaryModel, _ => ListModel };
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });
        string statistics = diagnostics.Single("SM0010").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            $"'{name}': {states} distinct states, {transitions} transitions, depth {depth}",
            statistics.Substring(0, statistics.LastIndexOf(", ", StringComparison.Ordinal)));
        Assert.Equal(new[] { "SM0010" }, diagnostics.Select(d => d.Id));

        var generated = GeneratorRun.Explore("Identity." + name, source);
        Assert.Equal((states, transitions, depth), (generated.DistinctStates, generated.Transitions, generated.Depth));
        Assert.Empty(generated.Violations);
    }

    [Fact]
    public async Task Assigning_one_array_field_to_another_is_reported_where_it_happens()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(Model("Alias", """
                int[] a = new int[2];
                int[] b = new int[2];
                [Action] void Share() { {|SM0108:b = a|}; a[0] = 1; }
            """));
        Assert.Contains("'b'", diagnostics.Single("SM0108").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Through a local, the sharing is only seen when the step's state is taken: a failure, not two states.</summary>
    private static readonly string SharedThroughALocal = Model("LocalAlias", """
            int[] a = new int[2];
            int[] b = new int[2];
            [Action] void Share() { Require(a[0] == 0); var t = a; b = t; a[0] = 1; }
            """);

    [Fact]
    public async Task Sharing_through_a_local_is_a_failure_of_the_step_in_the_analyzer()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { SharedThroughALocal });
        var failure = diagnostics.Single("SM0004").MessageLines()[0];
        Assert.Contains("One mutable object is shared by 'a' and 'b': give each place its own copy", failure, StringComparison.Ordinal);
    }

    // The generated copy constructor deep-copies each field, so the alias silently becomes two arrays: Explore()
    // reports "'LocalAlias' is stuck after 1 step" (one successor, a = [1, 0], b = [0, 0]) where the analyzer
    // reports the model error.
    [Fact]
    public void Sharing_through_a_local_is_a_failure_of_the_step_in_the_generated_explorer()
    {
        var generated = GeneratorRun.Explore("Identity.LocalAlias", SharedThroughALocal);
        Assert.Contains(generated.Violations, v => v.Contains("One mutable object is shared by 'a' and 'b'", StringComparison.Ordinal));
    }

    private static readonly string SharedThroughAList = Model("Rows", """
            List<int[]> rows = new();
            int[] current = new int[1];
            [Action] void Keep() { Require(rows.Count == 0); rows.Add(current); current[0] = 5; }
            """);

    [Fact]
    public async Task Storing_an_array_field_in_a_list_field_is_a_failure_in_the_analyzer()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { SharedThroughAList });
        Assert.Contains("One mutable object is shared by 'rows' and 'current'", diagnostics.Single("SM0004").MessageLines()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Storing_an_array_field_in_a_list_field_is_a_failure_in_the_generated_explorer()
    {
        var generated = GeneratorRun.Explore("Identity.Rows", SharedThroughAList);
        Assert.Contains(generated.Violations, v => v.Contains("One mutable object is shared", StringComparison.Ordinal));
    }

    // The walk skips collections of values (ints, strings: nothing to share) but not an array of sets.
    private static readonly string SharedInsideAnArray = Model("Slots", """
            HashSet<int>[] slots = { new() { 1 }, new() { 2 } };
            [Action] void Join() { Require(slots[0].Count == 1); slots[0] = slots[1]; slots[1].Add(3); }
            """);

    [Fact]
    public void Two_slots_of_an_array_holding_one_set_is_a_failure_in_the_generated_explorer()
    {
        var generated = GeneratorRun.Explore("Identity.Slots", SharedInsideAnArray);
        Assert.Contains(generated.Violations, v => v.Contains("One mutable object appears twice in 'slots'", StringComparison.Ordinal));
    }
}
