using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// Nullable values, strings, sets, lists, queues, stacks, dictionaries, arrays of them and record structs are kept
/// as the canonical encoding: a model holding them explores the same states, with the same verdicts and traces, as
/// when its states are kept as frozen objects. Counts are by hand, written beside each model.
/// </summary>
public sealed class PackedCollectionTests
{
    [Fact]
    public void Nullable_ints_and_arrays_of_them_are_packed()
    {
        // Each slot null, 0 or 1, any combination reachable: 3 x 3 = 9 states.
        AssertSameInBoth(
            """
            int?[] slots = new int?[2];
            [Action] void Put([Range(0, 1)] int i, [Range(0, 1)] int v) { Require(slots[i] is null); slots[i] = v; }
            [Action] void Take([Range(0, 1)] int i) => slots[i] = null;
            """,
            9);
    }

    [Fact]
    public void Strings_and_null_strings_are_packed()
    {
        // null, then "a" or "b", then the four strings of two letters: 1 + 2 + 4 = 7 states ("" is never reached).
        AssertSameInBoth(
            """
            string? name;
            [Action] void Append([Range(0, 1)] int c) { Require((name?.Length ?? 0) < 2); name = (name ?? "") + (c == 0 ? "a" : "b"); }
            [Action] void Drop() => name = null;
            """,
            7);
    }

    [Fact]
    public void Sets_reached_by_different_insertion_orders_and_removals_are_one_state()
    {
        // Each of the two sets any subset of {0, 1, 2}: 8 x 8 = 64 states, however the elements came and went.
        AssertSameInBoth(
            """
            HashSet<int>[] sets = { new(), new() };
            [Action] void Add([Range(0, 1)] int s, [Range(0, 2)] int v) { Require(!sets[s].Contains(v)); sets[s].Add(v); }
            [Action] void Remove([Range(0, 1)] int s, [Range(0, 2)] int v) { Require(sets[s].Contains(v)); sets[s].Remove(v); }
            """,
            64);
    }

    [Fact]
    public void Queues_and_stacks_keep_their_order()
    {
        // Each a sequence over {0, 1} of at most two elements, order kept: 1 + 2 + 4 = 7 each, 7 x 7 = 49 states.
        AssertSameInBoth(
            """
            Queue<int> queue = new();
            Stack<int> stack = new();
            [Action] void Enqueue([Range(0, 1)] int v) { Require(queue.Count < 2); queue.Enqueue(v); }
            [Action] void Dequeue() { Require(queue.Count > 0); queue.Dequeue(); }
            [Action] void Push([Range(0, 1)] int v) { Require(stack.Count < 2); stack.Push(v); }
            [Action] void Pop() { Require(stack.Count > 0); stack.Pop(); }
            """,
            49);
    }

    [Fact]
    public void Dictionaries_of_strings_are_packed()
    {
        // Keys "a" and "b" each absent, 1 or 2: 3 x 3 = 9 states.
        AssertSameInBoth(
            """
            Dictionary<string, int> counts = new();
            [Action] void Count([Range(0, 1)] int k)
            {
                var key = k == 0 ? "a" : "b";
                Require(!counts.ContainsKey(key) || counts[key] < 2);
                counts[key] = counts.ContainsKey(key) ? counts[key] + 1 : 1;
            }
            [Action] void Forget([Range(0, 1)] int k) { Require(counts.ContainsKey(k == 0 ? "a" : "b")); counts.Remove(k == 0 ? "a" : "b"); }
            """,
            9);
    }

    [Fact]
    public void Null_collections_and_lists_of_nullable_values_are_packed()
    {
        // null, [], [null], [1], and the four lists of two from null and 1: 1 + 1 + 2 + 4 = 8 states.
        AssertSameInBoth(
            """
            List<int?>? list;
            [Action] void Make() { Require(list is null); list = new(); }
            [Action] void Add([Range(0, 1)] int v) { Require(list is not null && list.Count < 2); list!.Add(v == 0 ? null : 1); }
            [Action] void Drop() { Require(list is not null); list = null; }
            """,
            8);
    }

    [Fact]
    public void Record_structs_and_tuples_of_scalars_and_strings_are_packed()
    {
        // Each cell null, Cell(0, "t") or Cell(1, "t"); the tuple is (0, false) in the initial state only, then (i, true)
        // for the cell i written last. With either cell written last, all 3 x 3 cell pairs are reachable (a cell written
        // last is null after a Clear): 1 + 2 x 9 = 19 states.
        AssertSameInBoth(
            """
            public record struct Cell(int X, string Tag);
            Cell?[] cells = new Cell?[2];
            (int Index, bool Written) last;
            [Action] void Set([Range(0, 1)] int i, [Range(0, 1)] int x) { Require(cells[i] is null); cells[i] = new Cell(x, "t"); last = (i, true); }
            [Action] void Clear([Range(0, 1)] int i) { Require(cells[i] is not null); cells[i] = null; last = (i, true); }
            """,
            19);
    }

    [Fact]
    public void Record_classes_of_a_hierarchy_in_sets_are_packed()
    {
        // Messages Ping(0), Ping(1) and Stop each present or not: 2 x 2 x 2 = 8 sets, in any order of sending;
        // the last message is null at first, then the one sent last: 1 + (7 nonempty sets x each member of them
        // as the last: 12 pairs) = 13 states.
        AssertSameInBoth(
            """
            public abstract record Message;
            public sealed record Ping(int From) : Message;
            public sealed record Stop : Message;
            HashSet<Message> sent = new();
            Message? last;
            [Action] void SendPing([Range(0, 1)] int from) { Require(!sent.Contains(new Ping(from))); sent.Add(new Ping(from)); last = new Ping(from); }
            [Action] void SendStop() { Require(!sent.Contains(new Stop())); sent.Add(new Stop()); last = new Stop(); }
            """,
            13);
    }

    [Fact]
    public void A_violation_prints_the_same_trace_in_both()
    {
        var members = """
            HashSet<string> seen = new();
            Queue<int?> pending = new();
            Dictionary<int, List<int>> log = new();
            [Action] void Note([Range(0, 2)] int v) { Require(!seen.Contains("v" + v)); seen.Add("v" + v); pending.Enqueue(v == 1 ? null : v); }
            [Action] void Log() { Require(pending.Count > 0); var p = pending.Dequeue() ?? -1; if (!log.ContainsKey(p)) log[p] = new(); log[p].Add(seen.Count); }
            [Invariant] bool Short => log.Values.Sum(l => l.Count) < 3;
            """;
        var (packed, frozen) = Both(members);
        Assert.False(packed.Passed);
        Assert.Equal(Report(frozen), Report(packed));
    }

    [Fact]
    public void One_set_in_two_places_is_sharing_in_both()
    {
        var members = """
            HashSet<int>[] sets = { new(), new() };
            [Action] void Alias() => sets[1] = sets[0];
            """;
        var (packed, frozen) = Both(members);
        Assert.Contains("One mutable object appears twice in 'sets'", packed.Report);
        Assert.Equal(Report(frozen), Report(packed));
    }

    [Fact]
    public void A_step_that_aliases_and_is_then_disabled_leaves_no_alias_behind()
    {
        // The disabled step made both elements one list and wrote through it; the next step must see two lists.
        var model = Interpreted.Of("""
            List<int>[] lists = { new(), new() };
            Queue<string> names = new();
            [Action] void AliasThenStop() { lists[1] = lists[0]; lists[1].Add(1); names.Enqueue("x"); Require(false); }
            [Action] void AddToFirst() => lists[0].Add(2);
            """);
        Assert.True(model.State.IsPacked);
        model.Disabled("AliasThenStop()");
        model.Do("AddToFirst()");
        Assert.Equal("lists = [[2], []], names = []", model.Fields());
        model.Disabled("AliasThenStop()");
        model.Do("AddToFirst()");
        Assert.Equal("lists = [[2, 2], []], names = []", model.Fields());
    }

    private static void AssertSameInBoth(string members, int states)
    {
        var (packed, frozen) = Both(members);
        Assert.Equal(states, packed.DistinctStates);
        Assert.Equal(frozen.DistinctStates, packed.DistinctStates);
        Assert.Equal(frozen.Transitions, packed.Transitions);
        Assert.Equal(frozen.Depth, packed.Depth);
        Assert.Equal(Report(frozen), Report(packed));
    }

    private static (ExplorationResult Packed, ExplorationResult Frozen) Both(string members)
    {
        var source = Interpreted.Source(members);
        var packed = ModelSources.Compile("M", source).Model!;
        Assert.True(packed.CreateInitialState(0, Interpreted.Budget).Successor.IsPacked);

        using (PackedFields.FrozenOnlyOnThisThread())
        {
            var frozen = ModelSources.Compile("M", source).Model!;
            Assert.False(frozen.CreateInitialState(0, Interpreted.Budget).Successor.IsPacked);
            return (Explorer.Explore(packed), Explorer.Explore(frozen));
        }
    }

    // The report without its timings.
    private static string Report(ExplorationResult result) =>
        string.Join("\n", result.Report.Split('\n').Where(line => !line.Contains(" ms") && !line.Contains("states/s")));
}
