using System.Linq;
using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>What the engine sees of a model: fields, action instances, fairness groups, predicates, properties.</summary>
public sealed class ModelShapeTests
{
    [Fact]
    public void State_is_every_instance_field_and_auto_property_in_declaration_order()
    {
        var model = Interpreted.Of("""
            const int Limit = 3;
            static readonly int[] Table = { 1, 2 };
            static int counter;
            int first = Limit;
            public int Count { get; private set; } = Table[1];
            bool Computed => first > 0;
            E last;
            [Action] void Step() { Count++; }
            """, "public enum E { A }\n");
        Assert.Equal(new[] { "first", "Count", "last" }, model.Model.FieldNames);
        Assert.Equal("first = 3, Count = 2, last = A", model.Fields());
        model.Do("Step()");
        Assert.Equal("3", model["Count"]);
    }

    [Fact]
    public void State_fields_of_partial_classes_are_ordered_by_file_then_position()
    {
        string head = Infrastructure.TestCompilation.Usings;
        var compiled = Infrastructure.ModelSources.Compile(
            "M",
            head + "public partial class M { int b; [Action] void Step() { a++; b++; } }",
            head + "[StateMachine] public partial class M { int a = 10; M() { a *= 2; } }");
        Assert.Equal(new[] { "b", "a" }, compiled.Model!.FieldNames);
        var initial = compiled.Model.CreateInitialState(0, Interpreted.Budget).Successor;
        Assert.Equal("20", compiled.Model.FormatField(initial, 1));
    }

    [Fact]
    public void Initial_state_runs_initializers_then_the_constructor_chain()
    {
        var model = Interpreted.Of("""
            int x = 1;
            int y;
            List<int> log = new();
            M() : this(5) { log.Add(x); x = 3; }
            M(int start) { log.Add(start); y = x + start; }
            [Action] void Step() { }
            """);
        Assert.Equal("x = 3, y = 6, log = [5, 1]", model.Fields());
    }

    [Fact]
    public void Action_instances_are_the_cartesian_product_first_parameter_slowest()
    {
        var model = Interpreted.Of("""
            [Action] void Move([Range(0, 1)] int p, bool up, E e) { }
            [Action(Fairness = Fairness.Strong)] void Name([Values("a", "b")] string who, [Values('x')] char c) { }
            [Action(Fairness = Fairness.None)] void Pick([Values(E.Second)] E e, [Values(3, -1)] long n) { }
            """, "public enum E { First, Second }\n");
        var instances = model.Model.ActionInstances.Select(i => i.Display(model.Model.Actions)).ToList();
        Assert.Equal(
            new[]
            {
                "Move(p: 0, up: false, e: First)", "Move(p: 0, up: false, e: Second)", "Move(p: 0, up: true, e: First)",
                "Move(p: 0, up: true, e: Second)", "Move(p: 1, up: false, e: First)", "Move(p: 1, up: false, e: Second)",
                "Move(p: 1, up: true, e: First)", "Move(p: 1, up: true, e: Second)",
                "Name(who: \"a\", c: 'x')", "Name(who: \"b\", c: 'x')",
                "Pick(e: Second, n: 3)", "Pick(e: Second, n: -1)",
            },
            instances);
        Assert.Equal(
            new[] { ActionFairness.Weak, ActionFairness.Strong, ActionFairness.None },
            model.Model.Actions.Select(a => a.Fairness));
        Assert.Equal("Move", Interpreted.Text(model.Model.Actions[0].Site));
    }

    [Fact]
    public void Fairness_groups_are_per_action_or_per_process_value()
    {
        var model = Interpreted.Of("""
            [Action] void Plain([Range(0, 1)] int p) { }
            [Action] void Worker([Process][Range(0, 1)] int self, bool flag) { }
            """);
        Assert.Equal(new[] { 0, 0, 1, 1, 2, 2 }, model.Model.ActionInstances.Select(i => i.FairnessGroup));
    }

    [Fact]
    public void Properties_get_one_instance_per_combination_and_share_predicates()
    {
        var model = Interpreted.Of("""
            int[] done = new int[2];
            [Action] void Step([Range(0, 1)] int p) { done[p] = 1; }
            [Invariant, Reachable] bool Valid() => true;
            [Eventually] bool Finished([Range(0, 1)] int p) => done[p] == 1;
            [LeadsTo(nameof(Finished))] bool Started([Range(0, 1)] int p) => true;
            [LeadsTo(nameof(AllDone))] bool Any => true;
            bool AllDone => done.All(d => d == 1);
            [Terminal] bool Stored { get; set; }
            """);
        Assert.Equal(
            new[] { "Valid", "Finished(p: 0)", "Finished(p: 1)", "Started(p: 0)", "Started(p: 1)", "Any", "AllDone", "Stored" },
            model.Model.Predicates.Select(p => p.Display));
        Assert.Equal(
            new[]
            {
                (PropertyKind.Invariant, 0, -1), (PropertyKind.Reachable, 0, -1), (PropertyKind.Eventually, 1, -1),
                (PropertyKind.Eventually, 2, -1), (PropertyKind.LeadsTo, 3, 1), (PropertyKind.LeadsTo, 4, 2),
                (PropertyKind.LeadsTo, 5, 6), (PropertyKind.Terminal, 7, -1),
            },
            model.Model.Properties.Select(p => (p.Kind, p.Predicate, p.Target)));
        Assert.Equal("Finished", Interpreted.Text(model.Model.Properties[2].Site));
        model.Do("Step(p: 1)");
        Assert.True(model.Holds("Finished(p: 1)"));
        Assert.False(model.Holds("Finished(p: 0)"));
        Assert.False(model.Holds("AllDone"));
        Assert.False(model.Holds("Stored"));
    }

    [Fact]
    public void States_compare_structurally_and_hash_stably()
    {
        var model = Interpreted.Of("""
            HashSet<int> set = new();
            Dictionary<string, int> map = new();
            [Action] void AddOneTwo() { set.Add(1); set.Add(2); map["a"] = 1; map["b"] = 2; }
            [Action] void AddTwoOne() { set.Add(2); set.Add(1); map["b"] = 2; map["a"] = 1; }
            """);
        var start = model.State;
        var a = model.Model.Step(start, model.Instance("AddOneTwo()"), Interpreted.Budget).Successor;
        var b = model.Model.Step(start, model.Instance("AddTwoOne()"), Interpreted.Budget).Successor;
        Assert.True(model.Model.StateComparer.Equals(a, b));
        Assert.Equal(model.Model.StateComparer.GetHashCode(a), model.Model.StateComparer.GetHashCode(b));
        Assert.False(model.Model.StateComparer.Equals(start, a));
        Assert.Equal("{1, 2}", model.Model.FormatField(b, 0));

        // The hash is a function of the values alone: the same in another compile (and another process).
        var again = Interpreted.Of("""
            HashSet<int> set = new();
            Dictionary<string, int> map = new();
            [Action] void AddOneTwo() { set.Add(1); set.Add(2); map["a"] = 1; map["b"] = 2; }
            [Action] void AddTwoOne() { set.Add(2); set.Add(1); map["b"] = 2; map["a"] = 1; }
            """);
        var c = again.Model.Step(again.State, again.Instance("AddTwoOne()"), Interpreted.Budget).Successor;
        Assert.Equal(a.Hash, c.Hash);
    }
}
