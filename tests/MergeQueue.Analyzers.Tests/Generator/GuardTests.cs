using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using MergeQueue.Analyzers;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// The leading <c>Require</c>s of an action become a guard the adapter tests on the stored state before copying it,
/// but only when testing them can write nothing; the others stay in the body, run on the step's own copy.
/// </summary>
public sealed class GuardTests
{
    [Fact]
    public void Conditions_that_only_read_become_guards()
    {
        string generated = Generate("""
            int x;
            int[] a = new int[2];
            int Limit { get; } = 3;
            int Twice => x * 2;
            bool Small(int i) => Twice < Limit * 2 && a.Contains(i) && Enumerable.Range(0, 2).All(j => a[j] <= Limit) && Math.Abs(i) < 5;
            [Action] void Go([Range(0, 1)] int i) { Require(Small(i)); Require("ab".Length == 2); x++; }
            """);

        Assert.Contains("if (!(Small(i))) return \"Require(Small(i)) is false", generated);
        Assert.Contains("if (!(\"ab\".Length == 2))", generated);
    }

    // The flagship's merge guard written as a loop: its counter is the helper's own variable, not state.
    [Fact]
    public void Helpers_that_write_only_their_own_variables_become_guards()
    {
        string generated = Generate("""
            int x;
            int[] a = new int[3];
            bool EarlierDone(int p) { for (int q = 0; q < 3; q++) if (a[q] != 0 && a[q] < a[p]) return false; return true; }
            int Sum() { int total = 0; foreach (var v in a) total += v; return total; }
            [Action] void Go([Range(0, 2)] int p) { Require(EarlierDone(p) && Sum() < 5); x++; }
            """);

        Assert.Contains("if (!(EarlierDone(p) && Sum() < 5))", generated);
    }

    [Theory]
    [InlineData("bool Bump() { x++; return x < 3; }", "Bump()")]
    [InlineData("bool Poke() { ref int r = ref a[0]; r = 1; return true; }", "Poke()")]
    [InlineData("bool Fill() { var b = a; b[0] = 1; return true; }", "Fill()")]
    [InlineData("bool Bump() => Deeper(); bool Deeper() { a[0] = 1; return true; }", "Bump()")]
    [InlineData("", "items.Remove(1)")]
    [InlineData("", "(x = 2) > 1")]
    [InlineData("bool Out(out int v) { v = 1; return true; }", "Out(out var v)")]
    public void Conditions_that_may_write_stay_in_the_body(string helpers, string condition)
    {
        string generated = Generate("""
            int x;
            int[] a = new int[2];
            List<int> items = new() { 1, 2 };

            """ + helpers + "\n[Action] void Go() { Require(" + condition + "); x++; }");

        Assert.DoesNotContain("__MergeQueueGuard", generated);
    }

    [Fact]
    public void Locals_before_a_Require_are_part_of_the_guard()
    {
        string generated = Generate("""
            int[] values = new int[3];
            [Action] void Go([Range(0, 2)] int p) { var v = values[p]; var w = new List<int> { v }; Require(v == 0 && w.Count == 1); values[p] = 1; }
            """);

        // The list is made by the guard: filling it writes no state.
        Assert.Contains("var v = values[p];", generated);
        Assert.Contains("var w = new List<int> { v };", generated);
        Assert.Contains("if (!(v == 0 && w.Count == 1))", generated);
    }

    // An instance that agrees with the one before it on the parameters its guard reads takes that one's verdict.
    [Fact]
    public void Instances_share_a_guard_over_the_parameters_it_does_not_read()
    {
        string generated = Generate("""
            int x;
            [Action] void Neither([Range(0, 1)] int a, [Range(0, 1)] int b) { Require(x < 1); x = a + b; }
            [Action] void First([Range(0, 1)] int a, [Range(0, 1)] int b) { Require(a != x); x = b; }
            [Action] void Second([Range(0, 1)] int a, [Range(0, 1)] int b) { Require(b != x); x = a; }
            """);

        // Instances 0-3 (Neither) share instance 0's verdict, 4-7 (First) share by a, 8-11 (Second) have their own:
        // the table is { 0, 0, 0, 0, 4, 4, 6, 6, 8, 9, 10, 11 }, computed per action from the block of instances
        // that differ only in the parameters the guard does not read.
        Assert.Contains("table[0 + i] = 0 + i / 4 * 4;", generated);
        Assert.Contains("table[4 + i] = 4 + i / 2 * 2;", generated);
        Assert.Contains("table[8 + i] = 8 + i / 1 * 1;", generated);
    }

    // The exceptions a false Require throws in generated code, counted while Explore() runs on this thread: a disabled
    // instance throws none, wherever its Require is written as a statement.
    [Theory]
    [InlineData("int[] values = { 0, 5, 0 };", "var cliff = values[p]; Require(cliff == 0); values[p] = 1;", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; bool Free(int p) { for (int q = 0; q < 3; q++) if (q == p && values[q] != 0) return false; return true; }",
        "Require(Free(p)); values[p] = 1;", "", 0)]
    [InlineData("Cell[] cells = { new(0), new(5), new(0) };", "Require(cells[p].X == 0); cells[p] = new(1);", "public record struct Cell(int X);", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; void Take(int q, int to) { Require(values[q] == 0); values[q] = to; }", "Take(p, 1);", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; void Take(int q) => Set(q, 1); void Set(int q, int to) { var v = values[q]; Require(v == 0); values[q] = to; }",
        "int one = 1; Take(p * one);", "", 0)]
    // Past stores it does not read, which cannot fail: a field's, and the element a helper's guard has just read.
    [InlineData("int[] values = { 0, 5, 0 }; int steps;", "steps = 1; Require(values[p] == 0); values[p] = 1;", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; int[] pc = new int[3]; void Goto(int q, int from, int to) { Require(pc[q] == from); pc[q] = to; }",
        "Goto(p, 0, 1); Require(values[p] == 0); values[p] = 1;", "", 0)]
    // After a store it reads, or in a switch, a helper or a helper's helper after writes: no guard tests it, and the
    // action's copy returns its reason instead of throwing.
    [InlineData("int[] values = { 0, 5, 0 }; int steps;", "steps = 1; Require(steps == 1 && values[p] == 0); values[p] = 1;", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; int steps;", "steps = p; switch (p) { default: Require(values[steps] == 0); break; } values[p] = 1; steps = 0;", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; int steps; void Take(int q) { steps = q; Require(values[steps] == 0); values[q] = 1; } void Outer(int q) { Take(q); steps = 0; }",
        "Outer(p);", "", 0)]
    // In a helper that returns a value, called to declare a local: by the action's copy, and by the guard.
    [InlineData("int[] values = { 0, 5, 0 }; int Free(int q) { Require(values[q] == 0); return q; }", "var q = Free(p); values[q] = 1;", "", 0)]
    [InlineData("int[] values = { 0, 5, 0 }; int Free(int q) { Require(values[q] == 0); return q; }", "var q = Free(p); Require(q >= 0); values[q] = 1;", "", 0)]
    // The control: in a lambda, the Require throws. By hand: the states are the subsets of {0, 2} taken (4); in each,
    // p = 1 throws, and so does every p already taken: 4 + (0 + 1 + 1 + 2) = 8.
    [InlineData("int[] values = { 0, 5, 0 };", "System.Action check = () => Require(values[p] == 0); check(); values[p] = 1;", "", 8)]
    public void A_disabled_instance_throws_nothing_wherever_its_Require_stands(string fields, string body, string extra, int expected)
    {
        var source = GeneratorTestModels.Source("Guarded", fields + "\n[Action] void Idle() { }\n[Action] void Go([Range(0, 2)] int p) { " + body + " }", extra);
        var (result, thrown) = GeneratorRun.ExploreCountingDisabledThrows("Guarded", source);

        Assert.Equal(4, result.DistinctStates);
        Assert.Equal(expected, thrown);
    }

    // PlusCal's labels, written as C# usually writes them: each action an expression calling one transition helper.
    [Fact]
    public void A_helper_an_action_starts_with_lends_it_its_guard()
    {
        string generated = Generate("""
            int[] pc = new int[2];
            int lockVar = 1;
            void Goto(int self, int was, int now) { Require(pc[self] == was); pc[self] = now; }
            [Action] void Enter([Range(0, 1)] int self) => Goto(self, 0, 1);
            [Action] void Lock([Range(0, 1)] int self) { Goto(self, 1, 2); Require(lockVar == 1); lockVar = 0; }
            [Action] void Leave([Range(0, 1)] int self) { Require(lockVar == 0); Goto(self, 2, 0); lockVar = 1; }
            """);

        Assert.Contains("private string? __MergeQueueHelperGuard0(int self, int was, int now)", generated);
        Assert.Contains("if (!(pc[self] == was)) return \"Require(pc[self] == was) is false (line", generated);
        Assert.Contains("var __mergeQueueReason = __MergeQueueHelperGuard0(self, 0, 1);", generated);
        Assert.Contains("var __mergeQueueReason = __MergeQueueHelperGuard0(self, 1, 2);", generated);
        Assert.Contains("var __mergeQueueReason = __MergeQueueHelperGuard0(self, 2, 0);", generated);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(generated, "string\\? __MergeQueueHelperGuard").Cast<object>());
    }

    // A Require after a store is tested with the guard only where running the store first could not fail and could not
    // change what it reads.
    [Theory]
    [InlineData("x = 1; Require(x == 1);")]
    [InlineData("x = 10 / (p + 1); Require(y == 0);")]
    [InlineData("a[p] = 1; Require(y == 0);")]
    [InlineData("x = (int)n; Require(y == 0);")]
    [InlineData("items.Add(1); Require(y == 0);")]
    [InlineData("x = 1; Require(Ok());")]
    [InlineData("x = 1; Require(Same(this));")]
    public void A_Require_after_a_store_that_could_fail_or_that_it_reads_stays_in_the_body(string body)
    {
        string generated = Generate("""
            int x, y;
            int? n = 1;
            int[] a = new int[2];
            List<int> items = new();
            bool Ok() => y == 0;
            static bool Same(Guarded g) => g.y == 0;

            """ + "[Action] void Go([Range(0, 1)] int p) { " + body + " }");

        Assert.DoesNotContain("__MergeQueueGuard", generated);
    }

    [Fact]
    public void A_Require_after_stores_it_does_not_read_joins_the_guard()
    {
        string generated = Generate("""
            int[] pc = new int[2];
            int lockVar = 1;
            int turns;
            void Goto(int self, int was, int now) { Require(pc[self] == was); pc[self] = now; }
            [Action] void Lock([Range(0, 1)] int self) { Goto(self, 1, 2); turns++; Require(lockVar == 1); lockVar = 0; }
            """);

        Assert.Contains("var __mergeQueueReason = __MergeQueueHelperGuard0(self, 1, 2);", generated);
        Assert.Contains("if (!(lockVar == 1)) return \"Require(lockVar == 1) is false (line", generated);
    }

    private static string Generate(string members) => GeneratorRun.GeneratedCode(GeneratorTestModels.Source("Guarded", members));
}
