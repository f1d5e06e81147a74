using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Ordering by a nullable value type as .NET's <c>Comparer&lt;T?&gt;.Default</c> does (null first), and the LINQ
/// aggregates that skip nulls instead (<c>Min</c>, <c>Max</c>, <c>MinBy</c>, <c>MaxBy</c>), in both paths.
/// </summary>
public sealed class NullableOrderTests
{
    [Fact]
    public void Ordering_by_a_nullable_key_puts_null_first_and_Min_Max_MinBy_MaxBy_skip_nulls()
    {
        // Fill sets the next of three slots to null, Red or Blue: 1 + 3 + 9 + 27 = 40 states (set = 0..3).
        string source = BothPaths.Model("NullOrder", """
            Color?[] slots = new Color?[3];
            int set;
            [Action] void Fill([Range(0, 2)] int choice)
            {
                Require(set < 3);
                slots[set] = choice == 0 ? null : choice == 1 ? Color.Red : Color.Blue;
                set++;
            }
            [Terminal] bool Filled => set == 3;
            IEnumerable<Color?> Filled3 => slots.Take(set);
            [Invariant] bool NullFirst =>
                Filled3.OrderBy(c => c).SkipWhileNull().All(c => c is not null)
                && Filled3.OrderByDescending(c => c).Reverse().SequenceEqual(Filled3.OrderBy(c => c))
                && Filled3.Order().SequenceEqual(Filled3.OrderBy(c => c));
            [Invariant] bool Skips =>
                Filled3.Min() == (Filled3.Any(c => c is not null) ? Filled3.Where(c => c is not null).Min(c => c!.Value) : null)
                && Filled3.Max() == (Filled3.Any(c => c is not null) ? Filled3.Where(c => c is not null).Max(c => c!.Value) : null)
                && (set == 0 || Filled3.Select((c, i) => (c, i)).MaxBy(p => p.c).i == MaxIndex(Filled3.ToArray()));
            static int MaxIndex(Color?[] cs)
            {
                int best = 0;
                for (int i = 1; i < cs.Length; i++) if (cs[i] is { } c && (cs[best] is not { } b || c > b)) best = i;
                return best;
            }
            """, """
            public enum Color { Red, Blue }
            public static class NullOrderHelpers
            {
                public static IEnumerable<Color?> SkipWhileNull(this IEnumerable<Color?> cs)
                {
                    var list = cs.ToList();
                    int i = 0;
                    while (i < list.Count && list[i] is null) i++;
                    return list.Skip(i);
                }
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("NullOrder", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(40, interpreted.DistinctStates);
        Assert.Equal(40, generated.DistinctStates);
    }
}
