using System;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>Small models whose state graphs are counted by hand in the tests that use them.</summary>
internal static class Toys
{
    /// <summary><c>x</c> from 0; <c>Inc</c> adds 1 while <c>x &lt; max</c>. States 0..max, a chain.</summary>
    public static ToyModel<int> Counter(int max) =>
        new ToyModel<int>("Counter", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < max, "x < " + max, 5, x + 1));

    /// <summary>A counter with no upper bound, for the time and cancellation bounds.</summary>
    public static ToyModel<int> Unbounded(Action<int>? onStep = null) =>
        new ToyModel<int>("Unbounded", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x =>
            {
                onStep?.Invoke(x);
                return Outcome.To(x + 1);
            });

    /// <summary>
    /// 0..3 with <c>Inc</c>, <c>Dec</c> and a <c>Stay</c> that is always enabled and changes nothing:
    /// self-loops count as transitions.
    /// </summary>
    public static ToyModel<int> UpAndDown() =>
        new ToyModel<int>("UpAndDown", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < 3, "x < 3", 5, x + 1))
            .Action("Dec", x => Outcome.Require(x > 0, "x > 0", 9, x - 1))
            .Action("Stay", x => Outcome.To(x));

    /// <summary>
    /// 0..10 with <c>Inc</c> and <c>Double</c> (for 0 &lt; x &lt;= 5). 8 is reached after 8 increments, or
    /// after 4 steps: 0 -Inc-> 1 -Inc-> 2 -Double-> 4 -Double-> 8.
    /// </summary>
    public static ToyModel<int> Doubler() =>
        new ToyModel<int>("Doubler", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < 10, "x < 10", 5, x + 1))
            .Action("Double", x => Outcome.Require(x > 0 && x <= 5, "x > 0 && x <= 5", 9, 2 * x))
            .Property(PropertyKind.Invariant, "NotEight", x => x != 8)
            .Property(PropertyKind.Terminal, "AtTen", x => x == 10);

    /// <summary>
    /// Two processes take two locks in opposite orders (process 0: A then B; process 1: B then A) and release
    /// both. The state is each process's program counter: 0 wants its first lock, 1 wants its second, 2 holds
    /// both. Reachable: (0,0), (1,0), (0,1), (1,1), (2,0), (0,2); (1,1) is the deadlock.
    /// </summary>
    public static ToyModel<(int P0, int P1)> Locks()
    {
        static int Pc((int P0, int P1) s, int self) => self == 0 ? s.P0 : s.P1;
        static (int, int) With((int P0, int P1) s, int self, int pc) => self == 0 ? (pc, s.P1) : (s.P0, pc);
        static int OwnerOfA((int P0, int P1) s) => s.P0 >= 1 ? 0 : s.P1 == 2 ? 1 : -1;
        static int OwnerOfB((int P0, int P1) s) => s.P1 >= 1 ? 1 : s.P0 == 2 ? 0 : -1;
        static bool Free((int P0, int P1) s, char lockName) => (lockName == 'A' ? OwnerOfA(s) : OwnerOfB(s)) < 0;
        static string Owner(int owner) => owner < 0 ? "free" : owner.ToString();
        int[] processes = { 0, 1 };
        return new ToyModel<(int P0, int P1)>("Locks", (0, 0))
            .Field("pc", s => "[" + s.P0 + ", " + s.P1 + "]")
            .Field("lockA", s => Owner(OwnerOfA(s)))
            .Field("lockB", s => Owner(OwnerOfB(s)))
            .Action("TakeFirst", "self", processes, (s, self) =>
                Pc(s, self) != 0 ? Outcome.Disabled<(int, int)>("pc[self] == 0", 10)
                : Outcome.Require(Free(s, self == 0 ? 'A' : 'B'), "Free(First(self))", 11, With(s, self, 1)))
            .Action("TakeSecond", "self", processes, (s, self) =>
                Pc(s, self) != 1 ? Outcome.Disabled<(int, int)>("pc[self] == 1", 16)
                : Outcome.Require(Free(s, self == 0 ? 'B' : 'A'), "Free(Second(self))", 17, With(s, self, 2)))
            .Action("Release", "self", processes, (s, self) =>
                Outcome.Require(Pc(s, self) == 2, "pc[self] == 2", 22, With(s, self, 0)));
    }

    /// <summary>
    /// <c>Pick(i)</c> for i in 0..2: <c>Require(i != x)</c> (line 5), <c>Require(x &lt; 2)</c> (line 6), then x + 1.
    /// At x = 2 the instances are disabled for different reasons. <c>Reset</c> needs x == 5, never true.
    /// </summary>
    public static ToyModel<int> Picker() =>
        new ToyModel<int>("Picker", 0)
            .Field("x", x => x.ToString())
            .Action("Pick", "i", new[] { 0, 1, 2 }, (x, i) =>
                i == x ? Outcome.Disabled<int>("i != x", 5) : Outcome.Require(x < 2, "x < 2", 6, x + 1))
            .Action("Reset", x => Outcome.Require(x == 5, "x == 5", 10, 0))
            .Property(PropertyKind.Terminal, "Never", x => false);

    /// <summary>
    /// 0..3 with <c>Inc</c>, and actions and a property that fail in some states: <c>Check</c> fails an Assert
    /// at x = 1, <c>Crash</c> throws at x &gt;= 2 (one site), <c>Spin</c> loops forever at x = 3, and the
    /// invariant <c>Lookup</c> divides by zero at x = 3. At x = 3 nothing is enabled.
    /// </summary>
    public static ToyModel<int> Fragile() =>
        new ToyModel<int>("Fragile", 0)
            .Field("x", x => x.ToString())
            .Action("Inc", x => Outcome.Require(x < 3, "x < 3", 3, x + 1))
            .Action("Check", x => x == 1 ? Outcome.AssertFails<int>("x must stay small", "line 8") : Outcome.Disabled<int>("x == 1", 7))
            .Action("Crash", x => x >= 2
                ? Outcome.Throws<int>("IndexOutOfRangeException: Index was outside the bounds of the array.", "line 12")
                : Outcome.Disabled<int>("x >= 2", 11))
            .Action("Spin", x => x == 3 ? Outcome.RunsForever<int>("line 16") : Outcome.Disabled<int>("x == 3", 15))
            .Property(PropertyKind.Invariant, "Lookup", x => x == 3
                ? PredicateOutcome.Failed(new Failure(FailureKind.Exception, "DivideByZeroException: Attempted to divide by zero.", "line 20"))
                : PredicateOutcome.True);
}
