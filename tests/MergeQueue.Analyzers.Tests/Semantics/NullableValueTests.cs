using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Nullable value types in both paths, as C# defines them: null is distinct from every value, lifted operators
/// (null compares unequal, <c>&lt;</c> with null is false, <c>+</c> with null is null), <c>Value</c> of null throws,
/// and traces print null as <c>null</c>. Expected numbers are counted by hand beside each model.
/// </summary>
public sealed class NullableValueTests
{
    private const string Colors = "public enum Color { Red, Blue }\n";

    [Fact]
    public void A_nullable_int_field_is_null_or_a_value_and_each_is_its_own_state()
    {
        // x in {null, 1, 2, 3} times steps in {0, 1}: 8 states, all reachable.
        string source = BothPaths.Model("NullableInt", """
            int? x;
            int steps;
            [Action] void Set([Range(1, 2)] int v) { Require(x is null); x = v; }
            [Action] void Bump() { Require(x.HasValue && x.Value < 3); x = x + 1; }
            [Action] void Clear() { Require(x is int v && v >= 3); x = null; steps = 1; }
            """);
        var (interpreted, generated) = BothPaths.Explore("NullableInt", source);
        Assert.Equal(8, interpreted.DistinctStates);
        Assert.Equal(8, generated.DistinctStates);
        Assert.Equal(generated.Transitions, interpreted.Transitions);
    }

    [Fact]
    public void Lifted_operators_follow_CSharp_null_compares_unequal_and_arithmetic_with_null_is_null()
    {
        // a in {null, 0, 1} times flag in {null, false, true}: 9 states; every lifted identity holds in each.
        string source = BothPaths.Model("LiftedOps", """
            int? a;
            int? b = 2;
            bool? flag;
            [Action] void SetA([Range(0, 1)] int v) { Require(a is null); a = v; }
            [Action] void SetFlag(bool f) { Require(flag is null); flag = f; }
            [Terminal] bool Set => a is not null && flag is not null;
            [Invariant] bool Lifted =>
                (a < b) == (a is int x && x < 2)
                && !(a > b) && !(a >= null)
                && (a + b is null) == (a is null)
                && (-a is null) == (a is null)
                && (a == null) == !a.HasValue
                && a != b
                && (a ?? 5) != 2
                && a.GetValueOrDefault() <= 1
                && a.GetValueOrDefault(7) != 2
                && (long?)a is null == a is null
                && (flag & false) == false
                && (flag | true) == true
                && (flag & true) == flag
                && (!flag == null) == (flag == null);
            """);
        var (interpreted, generated) = BothPaths.Explore("LiftedOps", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(9, interpreted.DistinctStates);
        Assert.Equal(9, generated.DistinctStates);
    }

    [Fact]
    public void Value_of_null_throws_InvalidOperationException_as_dotnet()
    {
        // Read takes x.Value while x is null: a failure at depth 1 in both paths, with .NET's message.
        string source = BothPaths.Model("NullValue", """
            int? x;
            int y;
            [Action] void Read() { Require(y == 0); y = x.Value + 1; }
            """);
        var (interpreted, generated) = BothPaths.Explore("NullValue", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Contains(interpreted.Violations, v => v.Contains("Nullable object must have a value."));
    }

    [Fact]
    public void An_array_of_nullable_enums_prints_null_in_traces_and_a_constant_pattern_needs_a_value()
    {
        // Each slot is null, Red or Blue: 9 states. `pick[i] is Color.Red` is false on null (whose bits are Red's).
        string source = BothPaths.Model("Picks", """
            readonly Color?[] pick = new Color?[2];
            [Action] void Pick([Range(0, 1)] int i, Color c) { Require(pick[i] is null); pick[i] = c; }
            [Action] void Reset([Range(0, 1)] int i) { Require(pick[i] is Color.Red); pick[i] = null; }
            [Terminal] bool Done => pick.All(p => p is not null);
            [Invariant] bool NotBothBlue => !(pick[0] == Color.Blue && pick[1] == Color.Blue);
            """, Colors);
        var (interpreted, generated) = BothPaths.Explore("Picks", source);
        Assert.Equal(generated.Violations, interpreted.Violations);
        Assert.Equal(generated.DistinctStates, interpreted.DistinctStates);
        Assert.Contains(interpreted.Violations, v => v.Contains("NotBothBlue") && v.Contains("pick = [null, null]"));
    }

    [Fact]
    public void A_record_struct_with_a_nullable_member_behind_a_nullable_field_reads_through_conditional_access()
    {
        // count 0: last null; count 1 and 2: Vertex(count - 1, A | B | null) each. 1 + 3 + 3 = 7 states.
        string source = BothPaths.Model("Vertices", """
            Vertex? last;
            int count;
            [Action] void Add([Range(0, 2)] int k) { Require(count < 2); last = new Vertex(count, k == 2 ? null : (Node)k); count++; }
            [Terminal] bool Full => count == 2;
            int Score => last?.Source switch { null => 0, Node.A => 1, _ => 2 };
            [Invariant] bool Consistent =>
                (last?.Round is null or < 2)
                && (last is not { } v || v.Round == count - 1)
                && Score <= 2
                && (last?.Source ?? Node.B) is Node.A or Node.B;
            """, "public enum Node { A, B }\npublic readonly record struct Vertex(int Round, Node? Source);\n");
        var (interpreted, generated) = BothPaths.Explore("Vertices", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(7, interpreted.DistinctStates);
        Assert.Equal(7, generated.DistinctStates);
    }

    [Fact]
    public void Null_is_distinct_from_every_value_in_sets_tuples_and_lists()
    {
        // One tuple (i, f) with i in {0, 1} and f in {false, true, null} is added, and once its f to the list: 1 + 6 = 7.
        string source = BothPaths.Model("NullableKeys", """
            HashSet<(int, bool?)> seen = new();
            List<bool?> flags = new();
            [Action] void See([Range(0, 1)] int i, [Range(0, 2)] int f)
            {
                Require(seen.Count == 0);
                bool? flag = f == 2 ? null : f == 1;
                seen.Add((i, flag));
                flags.Add(flag);
            }
            [Terminal] bool Seen => seen.Count == 1 && flags.Contains(seen.First().Item2);
            """);
        var (interpreted, generated) = BothPaths.Explore("NullableKeys", source);
        Assert.Equal(7, interpreted.DistinctStates);
        Assert.Equal(7, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
    }

    [Fact]
    public void Coalescing_assignment_stores_the_value_once_and_yields_it()
    {
        // From (null, 0), Fill v gives (v, v) for v in {1, 2}: 3 states.
        string source = BothPaths.Model("CoalesceFill", """
            int? x;
            int got;
            [Action] void Fill([Range(1, 2)] int v) { Require(got == 0); got = (x ??= v); }
            [Terminal] bool Filled => got != 0;
            [Invariant] bool Same => got == 0 || x == got;
            """);
        var (interpreted, generated) = BothPaths.Explore("CoalesceFill", source);
        Assert.Equal(3, interpreted.DistinctStates);
        Assert.Equal(3, generated.DistinctStates);
        Assert.Empty(interpreted.Violations);
    }
}
