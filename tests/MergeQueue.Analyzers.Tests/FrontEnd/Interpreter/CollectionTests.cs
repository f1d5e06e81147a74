using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>Arrays and the BCL collections: members, .NET's exceptions, and how traces print them.</summary>
public sealed class CollectionTests
{
    [Fact]
    public void Interpreter_creates_arrays_and_throws_IndexOutOfRange()
    {
        var model = Interpreted.Of("""
            const int N = 3;
            int[] sized = new int[N];
            int[] literal = { 1, 2 };
            int[] expression = [3, 4];
            E[] enums = new E[2];
            string[] names = new string[1];
            [Action] void Fill() { Array.Fill(sized, 7); sized[0] = sized.Length; }
            [Action] void Outside([Values(-1, 3)] int i) { sized[i] = 1; }
            """, "public enum E { A, B }\n");
        Assert.Equal("[0, 0, 0]", model["sized"]);
        Assert.Equal("[1, 2]", model["literal"]);
        Assert.Equal("[3, 4]", model["expression"]);
        Assert.Equal("[A, A]", model["enums"]);
        Assert.Equal("[null]", model["names"]);
        model.Do("Fill()");
        Assert.Equal("[3, 7, 7]", model["sized"]);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Outside(i: -1)").Message);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Outside(i: 3)").Message);
    }

    [Fact]
    public void Reading_a_state_array_through_a_variable_throws_the_exceptions_of_dotnet()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 2 };
            int[]? missing;
            int seen;
            [Action] void Read([Values(-1, 1, 2)] int i) => seen = values[i];
            [Action] void ReadInQuery([Values(1, 2)] int i) => seen = Enumerable.Range(0, 3).Count(q => values[i] > q);
            [Action] void ReadMissing() => seen = missing![0];
            """);
        model.Do("Read(i: 1)");
        Assert.Equal("2", model["seen"]);
        model.Do("ReadInQuery(i: 1)");
        Assert.Equal("2", model["seen"]);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Read(i: -1)").Message);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Read(i: 2)").Message);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("ReadInQuery(i: 2)").Message);
        Assert.Equal("NullReferenceException: Object reference not set to an instance of an object.", model.Fails("ReadMissing()").Message);
    }

    [Fact]
    public void Comparing_two_state_array_elements_through_variables_gives_each_operator_its_meaning()
    {
        var model = Interpreted.Of("""
            int[] a = { 3, 1, 2 };
            long[] b = { 2, 2, 2 };
            E[] e = { E.B, E.A, E.B };
            int seen;
            [Action] void Compare([Range(0, 2)] int i, [Range(0, 2)] int j) =>
                seen = (a[i] < a[j] ? 1 : 0) + (a[i] <= a[j] ? 10 : 0) + (a[i] > b[j] ? 100 : 0) + (a[i] >= b[j] ? 1000 : 0)
                    + (a[i] == a[j] ? 10000 : 0) + (e[i] != e[j] ? 100000 : 0);
            [Action] void Below([Range(0, 2)] int p) => seen = Enumerable.Range(0, 3).Count(q => a[q] < a[p]);
            [Action] void Outside() { int i = 3, j = 0; seen = a[i] < a[j] ? 1 : 0; }
            """, "public enum E { A, B }\n");
        model.Do("Compare(i: 0, j: 1)");
        Assert.Equal("101100", model["seen"]);
        model.Do("Compare(i: 1, j: 2)");
        Assert.Equal("100011", model["seen"]);
        model.Do("Compare(i: 2, j: 2)");
        Assert.Equal("11010", model["seen"]);
        model.Do("Below(p: 0)");
        Assert.Equal("2", model["seen"]);
        Assert.Equal("IndexOutOfRangeException: Index was outside the bounds of the array.", model.Fails("Outside()").Message);
    }

    [Fact]
    public void Interpreter_implements_List_members_and_their_exceptions()
    {
        var model = Interpreted.Of("""
            List<int> list = new List<int> { 5, 6 };
            List<int> other = [];
            bool had;
            int index;
            [Action] void Edit()
            {
                list.Add(7); list.Insert(0, 4); had = list.Remove(6); list.RemoveAt(list.Count - 1);
                index = list.IndexOf(5); list[0] = list[1] * 10; other.AddRange(list); other.Reverse();
            }
            [Action] void Bad() { list[2] = 0; }
            [Action] void BadInsert() { list.Insert(5, 0); }
            [Action] void Clear() { list.Clear(); }
            """);
        model.Do("Edit()");
        Assert.Equal("[50, 5]", model["list"]);
        Assert.Equal("[5, 50]", model["other"]);
        Assert.Equal("true", model["had"]);
        Assert.Equal("1", model["index"]);
        Assert.Equal(
            "ArgumentOutOfRangeException: Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')",
            model.Fails("Bad()").Message);
        Assert.Equal(
            "ArgumentOutOfRangeException: Index must be within the bounds of the List. (Parameter 'index')",
            model.Fails("BadInsert()").Message);
        model.Do("Clear()");
        Assert.Equal("[]", model["list"]);
    }

    [Fact]
    public void Interpreter_implements_Queue_and_Stack_in_dotnet_order()
    {
        var model = Interpreted.Of("""
            Queue<int> queue = new();
            Stack<string> stack = new();
            int head;
            string? top;
            bool got;
            [Action] void Fill() { queue.Enqueue(1); queue.Enqueue(2); queue.Enqueue(3); stack.Push("a"); stack.Push("b"); }
            [Action] void Take() { head = queue.Dequeue(); top = stack.Pop(); got = queue.TryDequeue(out var next); head += next * 10; }
            [Action] void Peek() { head = queue.Peek(); }
            [Action] void Drain() { stack.Pop(); stack.Pop(); }
            """);
        model.Do("Fill()");
        Assert.Equal("[1, 2, 3]", model["queue"]);
        Assert.Equal("[\"b\", \"a\"]", model["stack"]);
        model.Do("Take()");
        Assert.Equal("21", model["head"]);
        Assert.Equal("\"b\"", model["top"]);
        Assert.Equal("[3]", model["queue"]);
        Assert.Equal("InvalidOperationException: Stack empty.", model.Fails("Drain()").Message);
        model = Interpreted.Of("Queue<int> queue = new();\n[Action] void Peek() { queue.Peek(); }");
        Assert.Equal("InvalidOperationException: Queue empty.", model.Fails("Peek()").Message);
    }

    [Fact]
    public void Interpreter_implements_HashSet_and_prints_it_sorted()
    {
        var model = Interpreted.Of("""
            HashSet<int> set = new() { 3, 1 };
            bool added;
            bool again;
            [Action] void Edit() { added = set.Add(2); again = set.Add(3); set.Remove(1); set.UnionWith(new[] { 9, 0 }); }
            [Action] void Intersect() { set.IntersectWith([0, 3, 42]); }
            """);
        Assert.Equal("{1, 3}", model["set"]);
        model.Do("Edit()");
        Assert.Equal("{0, 2, 3, 9}", model["set"]);
        Assert.Equal("true", model["added"]);
        Assert.Equal("false", model["again"]);
        model.Do("Intersect()");
        Assert.Equal("{0, 3}", model["set"]);
    }

    [Fact]
    public void Interpreter_implements_Dictionary_and_its_exceptions()
    {
        var model = Interpreted.Of("""
            Dictionary<string, int> votes = new() { ["b"] = 2, ["a"] = 1 };
            int value;
            bool found;
            [Action] void Edit()
            {
                votes["c"] = 3; votes["a"] += 10; found = votes.TryGetValue("b", out value);
                votes.Remove("b"); value += votes.GetValueOrDefault("zzz", 100) + (votes.ContainsKey("c") ? 1000 : 0);
            }
            [Action] void Missing() { value = votes["nope"]; }
            [Action] void Duplicate() { votes.Add("a", 5); }
            """);
        Assert.Equal("{\"a\": 1, \"b\": 2}", model["votes"]);
        model.Do("Edit()");
        Assert.Equal("{\"a\": 11, \"c\": 3}", model["votes"]);
        Assert.Equal("1102", model["value"]);
        Assert.Equal("KeyNotFoundException: The given key 'nope' was not present in the dictionary.", model.Fails("Missing()").Message);
        Assert.Equal("ArgumentException: An item with the same key has already been added. Key: a", model.Fails("Duplicate()").Message);
    }

    // A state keeps sets and dictionaries in canonical (key) order: equal states must behave alike, whatever
    // order their entries were added in, so a step enumerates them sorted.
    [Fact]
    public void Interpreter_enumerates_the_dictionaries_of_a_state_in_key_order_as_pairs_keys_and_values()
    {
        var model = Interpreted.Of("""
            Dictionary<int, int> squares = new() { [3] = 9, [1] = 1 };
            int keys;
            int values;
            int pairs;
            [Action] void Step()
            {
                foreach (var k in squares.Keys) keys = keys * 10 + k;
                foreach (var v in squares.Values) values += v;
                foreach (var (k, v) in squares) pairs += k * v;
                foreach (var pair in squares) pairs += pair.Key;
            }
            """);
        model.Do("Step()");
        Assert.Equal("13", model["keys"]);
        Assert.Equal("10", model["values"]);
        Assert.Equal("32", model["pairs"]);
    }

    [Fact]
    public void Interpreter_throws_when_a_list_is_modified_during_foreach()
    {
        var model = Interpreted.Of("""
            List<int> list = [1, 2];
            [Action] void Step() { foreach (var x in list) { list.Add(x); } }
            """);
        Assert.Equal(
            "InvalidOperationException: Collection was modified; enumeration operation may not execute.",
            model.Fails("Step()").Message);
    }

    [Fact]
    public void Interpreter_throws_when_a_set_or_list_is_modified_during_a_query()
    {
        var model = Interpreted.Of("""
            HashSet<int> set = [1, 2];
            List<int> list = [1, 2];
            int n;
            [Action] void GrowSet() { n = set.Count(x => set.Add(x + 10)); }
            [Action] void GrowList() { n = list.Sum(x => { list.Add(x); return x; }); }
            """);
        Assert.Equal("InvalidOperationException: Collection was modified; enumeration operation may not execute.", model.Fails("GrowSet()").Message);
        Assert.Equal("InvalidOperationException: Collection was modified; enumeration operation may not execute.", model.Fails("GrowList()").Message);
    }

    [Fact]
    public void Queries_over_sets_lists_ranges_and_arrays_give_dotnets_results()
    {
        var model = Interpreted.Of("""
            HashSet<int> set = [5, 1, 3];
            List<int> list = [4, 2];
            int[] array = [7, 9, 8];
            int n;
            [Action] void Step()
            {
                set.Remove(1);
                set.Add(2);
                n = set.Count(x => x > 2) + list.Sum() * 10 + Enumerable.Range(1, 4).Max() * 100 + array.Min() * 1000
                    + (set.All(x => x > 1) ? 10000 : 0) + (list.Any(x => x == 3) ? 100000 : 0) + (set.Contains(1) ? 1000000 : 0);
            }
            """);
        model.Do("Step()");

        // .NET: {5, 3, 2} has two elements over 2; 4 + 2 = 6; the range's largest is 4; the array's smallest is 7.
        Assert.Equal("17462", model["n"]);
    }

    [Fact]
    public void Select_runs_its_selector_as_the_query_using_it_goes()
    {
        var model = Interpreted.Of("""
            List<int> list = [1, 2, 3];
            HashSet<int> set = [4, 5];
            int calls;
            int n;
            int sum;
            [Action] void Step()
            {
                n = list.Select(x => { calls++; return x; }).Count();
                sum = Enumerable.Range(1, 3).Select(x => x * x).ToArray().Sum() + set.Select(x => x * 10).ToList().Sum();
            }
            [Action] void Grow() { n = set.Select(x => set.Add(x + 1) ? 1 : 0).Sum(); }
            """);
        model.Do("Step()");

        // .NET runs the selector for Count() too; 1 + 4 + 9 + 40 + 50.
        Assert.Equal("3", model["calls"]);
        Assert.Equal("3", model["n"]);
        Assert.Equal("104", model["sum"]);
        Assert.Equal("InvalidOperationException: Collection was modified; enumeration operation may not execute.", model.Fails("Grow()").Message);
    }

    [Fact]
    public void Interpreter_sees_array_writes_made_during_foreach()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 1, 1 };
            int sum;
            [Action] void Step() { int i = 0; foreach (var v in values) { sum += v; if (i + 1 < values.Length) values[i + 1] = 5; i++; } }
            """);
        model.Do("Step()");
        Assert.Equal("11", model["sum"]);
    }

    [Fact]
    public void Interpreter_copies_nested_collections_so_states_never_change()
    {
        var model = Interpreted.Of("""
            List<int[]> rows = [new int[2], new int[2]];
            Dictionary<int, List<int>> lists = new() { [1] = new List<int>() };
            [Action] void Step() { rows[1][0]++; lists[1].Add(rows[1][0]); }
            """);
        var before = model.State;
        model.Do("Step()");
        Assert.Equal("[[0, 0], [0, 0]]", model.Model.FormatField(before, 0));
        Assert.Equal("{1: []}", model.Model.FormatField(before, 1));
        Assert.Equal("[[0, 0], [1, 0]]", model["rows"]);
        Assert.Equal("{1: [1]}", model["lists"]);
        model.Do("Step()");
        Assert.Equal("{1: [1, 2]}", model["lists"]);
    }

    [Fact]
    public void Interpreter_lists_enum_values_and_runs_List_ForEach()
    {
        var model = Interpreted.Of("""
            List<E> seen = new();
            [Action] void Step() { var all = new List<E>(Enum.GetValues<E>()); all.ForEach(e => seen.Add(e)); }
            """, "public enum E { B = 2, A = 1, C = -1 }\n");
        model.Do("Step()");
        Assert.Equal("[A, B, C]", model["seen"]);
    }
}
