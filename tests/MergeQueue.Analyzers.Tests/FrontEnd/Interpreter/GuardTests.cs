using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Model;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// The interpreter tests the leading <c>Require</c>s of every action instance in one pass per state and the engine
/// steps only the instances it lists. Leaving out an instance its step would run would lose states; so in every
/// reachable state the list must be exactly the instances whose step is not disabled (or a superset, where a guard
/// cannot be tested apart from its action).
/// </summary>
public sealed class GuardTests
{
    private static readonly StepBudget Budget = new(100_000, CancellationToken.None);

    [Fact]
    public void In_every_state_of_the_fixed_queue_the_guards_list_exactly_the_enabled_instances()
    {
        var model = Model("MergeQueue.Samples.FixedQueue", SampleSource.Read(SampleSource.Pr), SampleSource.Read(SampleSource.Fixed));
        int visited = 0;
        foreach (var state in Reachable(model))
        {
            Assert.Equal(NotDisabled(model, state), Listed(model, state));
            visited++;
        }

        // TLC: 656 distinct states at N = 3 (the PlusCal spec MQ5_Fixed).
        Assert.Equal(656, visited);
    }

    [Fact]
    public void Guards_that_would_write_or_throw_leave_the_decision_to_the_step()
    {
        var model = Model("Guarded", GeneratorTestModelsSource("""
            int x;
            int[] slots = new int[2];
            bool Bump() { x++; return x < 3; }
            [Action] void Go() { Require(Bump()); }
            [Action] void Take([Range(0, 2)] int i) { Require(slots[i] == 0); slots[i] = 1; }
            [Action] void Nested() { Require(Helper()); x = 0; }
            bool Helper() { Require(x > 1); return true; }
            """));
        var initial = model.CreateInitialState(0, Budget).Successor;

        // Go's Require writes (no guard: listed); Take(2) throws in its guard (listed: its step reports the failure);
        // Nested's helper Requires x > 1, false here (left out, as its step is disabled).
        Assert.Equal(new[] { 0, 1, 2, 3 }, Listed(model, initial));
        Assert.Equal(StepOutcomeKind.Failed, model.Step(initial, 3, Budget).Kind);
        Assert.Equal(StepOutcomeKind.Disabled, model.Step(initial, 4, Budget).Kind);
    }

    [Fact]
    public void A_step_whose_guard_held_in_the_same_state_gives_the_successor_of_the_whole_body()
    {
        var model = Model("MergeQueue.Samples.FixedQueue", SampleSource.Read(SampleSource.Pr), SampleSource.Read(SampleSource.Fixed));
        var initial = model.CreateInitialState(0, Budget).Successor;
        foreach (var state in Reachable(model).Take(200))
        {
            var listed = Listed(model, state);
            var afterGuard = listed.Select(i => model.Step(state, i, Budget)).ToArray();

            // Testing another state's guards forgets these: the steps run their whole bodies.
            Listed(model, initial);
            var whole = listed.Select(i => model.Step(state, i, Budget)).ToArray();
            for (int i = 0; i < listed.Length; i++)
            {
                Assert.Equal(whole[i].Kind, afterGuard[i].Kind);
                Assert.True(model.StateComparer.Equals(whole[i].Successor, afterGuard[i].Successor));
            }
        }
    }

    [Fact]
    public void A_step_whose_guard_held_does_not_test_it_again()
    {
        // The guard and the rest each take 60 of the 100 steps of the budget: the whole body takes 120.
        var model = Model("Guarded", GeneratorTestModelsSource("""
            int x;
            [Action] void Go() { Require(Enumerable.Range(0, 60).All(i => i >= 0)); x = Enumerable.Range(0, 60).All(i => i >= 0) ? 1 : 0; }
            """));
        var budget = new StepBudget(100, CancellationToken.None);
        var initial = model.CreateInitialState(0, budget).Successor;

        Assert.Equal(StepOutcomeKind.Failed, model.Step(initial, 0, budget).Kind);
        Assert.Equal(new[] { 0 }, Listed(model, initial, budget));
        Assert.Equal(StepOutcomeKind.Enabled, model.Step(initial, 0, budget).Kind);
    }

    [Fact]
    public void A_guard_that_declares_a_variable_is_tested_again_by_its_step()
    {
        var model = Model("Guarded", GeneratorTestModelsSource("""
            int[] values = { 5, 7 };
            int picked;
            [Action] void Pick([Range(0, 1)] int p) { Require(values[p] is var v && v > 0); picked = v; }
            """));
        var initial = model.CreateInitialState(0, Budget).Successor;

        Assert.Equal(new[] { 0, 1 }, Listed(model, initial));
        Assert.Equal("7", model.FormatField(model.Step(initial, 1, Budget).Successor, 1));
    }

    // Each writing of one guard: instance 1 (p = 1) is disabled in the initial state. Were its Require left in the body,
    // the instance would be listed and its step would run the body to find out.
    [Theory]
    [InlineData("after a local", "int[] values = { 0, 5, 0 };", "var v = values[p]; Require(v == 0); values[p] = 1;", "")]
    [InlineData("in a for-loop helper", "int[] values = { 0, 5, 0 }; bool Free(int p) { for (int q = 0; q < 3; q++) if (q == p && values[q] != 0) return false; return true; }",
        "Require(Free(p)); values[p] = 1;", "")]
    [InlineData("reading a record member", "Cell[] cells = { new(0), new(5), new(0) };", "Require(cells[p].X == 0); cells[p] = new(1);", "public record struct Cell(int X);")]
    [InlineData("first in a helper that then writes", "int[] values = { 0, 5, 0 }; void Take(int q, int to) { Require(values[q] == 0); values[q] = to; }", "Take(p, 1);", "")]
    [InlineData("in a helper's helper, after a local", "int[] values = { 0, 5, 0 }; void Take(int q) => Set(q, 1); void Set(int q, int to) { var v = values[q]; Require(v == 0); values[q] = to; }",
        "int one = 1; Take(p * one);", "")]
    [InlineData("after a store it does not read", "int[] values = { 0, 5, 0 }; int steps;", "steps = 1; Require(values[p] == 0); values[p] = 1;", "")]
    [InlineData("after a helper's store", "int[] values = { 0, 5, 0 }; int[] pc = new int[3]; void Goto(int q, int from, int to) { Require(pc[q] == from); pc[q] = to; }",
        "Goto(p, 0, 1); Require(values[p] == 0); values[p] = 1;", "")]
    public void A_Require_is_a_guard_wherever_it_is_written(string writing, string fields, string body, string extra)
    {
        var model = Model("Guarded", Generator.GeneratorTestModels.Source("Guarded", fields + "\n[Action] void Go([Range(0, 2)] int p) { " + body + " }", extra));
        var initial = model.CreateInitialState(0, Budget).Successor;

        Assert.True(new[] { 0, 2 }.SequenceEqual(Listed(model, initial)), writing);
        Assert.Equal(new[] { 0, 2 }, NotDisabled(model, initial));
    }

    [Fact]
    public void A_guard_is_tested_once_per_value_of_the_parameters_it_reads()
    {
        var model = Model("Guarded", GeneratorTestModelsSource("""
            int x;
            [Action] void Neither([Range(0, 2)] int a, [Range(0, 2)] int b) { Require(x < 1); x = a + b; }
            [Action] void First([Range(0, 2)] int a, [Range(0, 2)] int b) { Require(a != x); x = b; }
            """));
        int visited = 0;
        foreach (var state in Reachable(model))
        {
            long before = InterpretedModel.GuardRunsOnThisThread;
            var listed = Listed(model, state);

            // Neither's guard once, First's once per value of a: 1 + 3 tests for 18 instances.
            Assert.Equal(4, InterpretedModel.GuardRunsOnThisThread - before);
            Assert.Equal(NotDisabled(model, state), listed);
            visited++;
        }

        // By hand: x = 0 initially; Neither (only from x = 0) sets x = a + b in 0..4; First sets x = b in 0..2.
        Assert.Equal(5, visited);
    }

    [Fact]
    public void A_helper_lends_its_guard_over_the_arguments_its_guard_reads()
    {
        var model = Model("Guarded", GeneratorTestModelsSource("""
            int x;
            void Move(int from, int to) { Require(x != from); x = to; }
            [Action] void Go([Range(0, 2)] int a, [Range(0, 2)] int b) => Move(a, b);
            """));
        int visited = 0;
        foreach (var state in Reachable(model))
        {
            long before = InterpretedModel.GuardRunsOnThisThread;
            var listed = Listed(model, state);

            // Move's guard reads `from` only: one test per value of a, 3 for 9 instances.
            Assert.Equal(3, InterpretedModel.GuardRunsOnThisThread - before);
            Assert.Equal(NotDisabled(model, state), listed);
            visited++;
        }

        // By hand: x = 0 initially, and any a != x moves it to any b: x in 0..2.
        Assert.Equal(3, visited);
    }

    private static string GeneratorTestModelsSource(string members) => Generator.GeneratorTestModels.Source("Guarded", members);

    private static InterpretedModel Model(string typeName, params string[] sources)
    {
        var compiled = ModelSources.Compile(typeName, sources);
        Assert.True(compiled.Model is not null, string.Join("\n", compiled.Diagnostics));
        return (InterpretedModel)compiled.Model!;
    }

    private static IEnumerable<InterpretedState> Reachable(InterpretedModel model)
    {
        var seen = new HashSet<InterpretedState>(model.StateComparer);
        var queue = new Queue<InterpretedState>();
        var initial = model.CreateInitialState(0, Budget).Successor;
        seen.Add(initial);
        queue.Enqueue(initial);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            yield return state;
            for (int i = 0; i < model.ActionInstances.Count; i++)
            {
                var outcome = model.Step(state, i, Budget);
                if (outcome.Kind == StepOutcomeKind.Enabled && seen.Add(outcome.Successor))
                {
                    queue.Enqueue(outcome.Successor);
                }
            }
        }
    }

    private static int[] Listed(InterpretedModel model, InterpretedState state) => Listed(model, state, Budget);

    private static int[] Listed(InterpretedModel model, InterpretedState state, StepBudget budget)
    {
        var buffer = new int[model.ActionInstances.Count];
        int count = model.PossiblyEnabled(state, buffer, budget);
        return buffer.Take(count).ToArray();
    }

    private static int[] NotDisabled(InterpretedModel model, InterpretedState state) =>
        Enumerable.Range(0, model.ActionInstances.Count).Where(i => model.Step(state, i, Budget).Kind != StepOutcomeKind.Disabled).ToArray();
}
