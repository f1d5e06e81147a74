using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
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

    private static string Generate(string members)
    {
        var source = GeneratorTestModels.Source("Guarded", members);
        var (_, result) = GeneratorRun.Run(GeneratorRun.Compilation(source));
        return string.Join("\n", result.GeneratedTrees.Select(t => t.ToString()));
    }
}
