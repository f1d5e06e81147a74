using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Values declared as the collection interfaces (<c>IReadOnlySet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>,
/// <c>IReadOnlyDictionary&lt;K, V&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>...) are the HashSet, Dictionary, array or
/// List they hold, with those members, in both paths.
/// </summary>
public sealed class InterfaceTypedValueTests
{
    [Fact]
    public void Parameters_and_locals_declared_as_collection_interfaces_behave_as_the_collection_they_hold()
    {
        // picked grows by 0, 1 or 2 while it is a proper subset of all: {}, {0}, {1}, {2}, {0,1}, {0,2}, {1,2}, {0,1,2} = 8.
        string source = BothPaths.Model("Interfaces", """
            static readonly HashSet<int> all = new() { 0, 1, 2 };
            HashSet<int> picked = new();
            static bool Open(IReadOnlySet<int> s) => s.IsProperSubsetOf(all) && s.Count < 3 && !s.SetEquals(all);
            static int Last(IReadOnlyList<int> xs) => xs.Count == 0 ? -1 : xs[xs.Count - 1];
            static int Lookup(IReadOnlyDictionary<int, int> d, int k) => d.ContainsKey(k) && d.TryGetValue(k, out var v) ? v + d[k] : 0;
            [Action] void Pick([Range(0, 2)] int x)
            {
                Require(Open(picked) && !picked.Contains(x));
                ISet<int> next = new HashSet<int>(picked);
                next.Add(x);
                next.UnionWith(new[] { x });
                picked = new HashSet<int>(next);
            }
            [Terminal] bool Full => picked.Count == 3;
            [Invariant] bool Views =>
                Last(picked.Order().ToList()) == (picked.Count == 0 ? -1 : picked.Max())
                && Last(picked.Order().ToArray()) == Last(picked.Order().ToList())
                && Lookup(picked.ToDictionary(p => p, p => p * 10), 1) == (picked.Contains(1) ? 20 : 0)
                && ((IReadOnlySet<int>)picked).IsSubsetOf(all) && (picked.Count == 0 || all.IsSupersetOf((ISet<int>)picked));
            """);
        var (interpreted, generated) = BothPaths.Explore("Interfaces", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(8, interpreted.DistinctStates);
        Assert.Equal(8, generated.DistinctStates);
    }

    [Fact]
    public void A_field_declared_as_a_set_interface_is_state_in_both_paths()
    {
        // seen grows by 0, 1 or 2 into each of the 8 subsets; parities (the parities seen) follows from seen: 8 states.
        string source = BothPaths.Model("SetFields", """
            IReadOnlySet<int> seen = new HashSet<int>();
            ISet<int> parities = new HashSet<int>();
            [Action] void See([Range(0, 2)] int x)
            {
                Require(!seen.Contains(x));
                var next = new HashSet<int>(seen);
                next.Add(x);
                seen = next;
                parities.Add(x % 2);
            }
            [Terminal] bool All => seen.Count == 3;
            [Invariant] bool Parities => parities.SetEquals(seen.Select(x => x % 2));
            """);
        var (interpreted, generated) = BothPaths.Explore("SetFields", source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(8, interpreted.DistinctStates);
        Assert.Equal(8, generated.DistinctStates);
    }
}
