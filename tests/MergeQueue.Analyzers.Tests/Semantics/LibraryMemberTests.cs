using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// The library members of the table compute what C# computes, in both paths: each case runs one step that prints
/// a result into <c>r</c>, and an invariant that holds only for the result counted by hand beside it. The generated
/// <c>Explore()</c> runs the real member, so a wrong hand count fails there and a wrong interpretation fails in the
/// analyzer. States: the initial one and the one after the step = 2.
/// </summary>
public sealed class LibraryMemberTests
{
    private const string Fields = """
        int[] a = { 3, 1, 4, 1, 5 };
        List<int> list = new() { 1, 2, 3, 4, 5 };
        HashSet<int> set = new() { 4, 5, 6 };
        """;

    private const string Records = """
        public abstract record Message(int Bal);
        public sealed record Prepare(int Bal) : Message(Bal);
        public sealed record Accept(int Bal, int Val) : Message(Bal);
        public enum Color { Red, Green, Blue = 4 }
        """;

    [Theory]
    [InlineData("r = string.Join(\",\", a.Union(set));", "3,1,4,5,6")]
    [InlineData("r = string.Join(\",\", a.Intersect(new[] { 1, 5, 7, 1 }));", "1,5")]
    [InlineData("r = string.Join(\",\", a.Except(set));", "3,1")]
    [InlineData("var q = a.Union(list); list.Add(9); r = string.Join(\",\", q);", "3,1,4,5,2,9")]
    [InlineData("r = string.Join(\",\", a.ToHashSet().Order());", "1,3,4,5")]
    public void Set_operators_keep_first_occurrences_in_order_and_run_when_enumerated(string body, string expected) =>
        Computes("SetOps", body, expected);

    [Theory]
    [InlineData("r = string.Join(\",\", a.Order()) + \"|\" + string.Join(\",\", a.OrderDescending());", "1,1,3,4,5|5,4,3,1,1")]
    [InlineData("r = string.Join(\",\", a.Select((v, i) => (v, i)).OrderBy(p => p.v % 2).ThenByDescending(p => p.i).Select(p => p.i));", "2,4,3,1,0")]
    [InlineData("r = string.Join(\",\", a.OrderBy(v => v % 3).ThenBy(v => v));", "3,1,1,4,5")]
    [InlineData("r = $\"{a.MaxBy(v => v % 4)},{a.MinBy(v => v % 4)},{new[] { (1, 2), (3, 2) }.MaxBy(p => p.Item2)}\";", "3,4,(1, 2)")]
    public void Ordering_is_stable_and_MaxBy_MinBy_keep_the_first_extreme(string body, string expected) =>
        Computes("Ordering", body, expected);

    [Theory]
    [InlineData("r = string.Join(\",\", list.SelectMany(v => Enumerable.Repeat(v, v % 3)));", "1,2,2,4,5,5")]
    [InlineData("r = string.Join(\",\", new[] { 1, 2 }.SelectMany(x => new[] { 10, 20 }, (x, y) => x + y));", "11,21,12,22")]
    [InlineData("r = string.Join(\",\", a.Zip(list)) + string.Join(\",\", a.Zip(new[] { 1, 2 }, (x, y) => x * y));", "(3, 1),(1, 2),(4, 3),(1, 4),(5, 5)3,2")]
    [InlineData("r = string.Join(\"|\", a.Chunk(2).Select(c => string.Join(\",\", c)));", "3,1|4,1|5")]
    public void SelectMany_Zip_and_Chunk_reshape_sequences(string body, string expected) =>
        Computes("Reshaping", body, expected);

    [Theory]
    [InlineData("var d = list.ToDictionary(v => v % 10, v => v * 2); r = $\"{d.Count},{d[3]}\";", "5,6")]
    [InlineData("var d = a.Distinct().ToDictionary(v => v); r = string.Join(\",\", d.Keys);", "3,1,4,5")]
    [InlineData("var d = new Dictionary<int, int> { [1] = 2 }; var e = new Dictionary<int, int>(d); e[1] = 3; r = $\"{d[1]},{e[1]}\";", "2,3")]
    public void ToDictionary_and_the_Dictionary_copy_constructor_make_new_tables(string body, string expected) =>
        Computes("Keyed", body, expected);

    [Fact]
    public void ToDictionary_throws_on_a_repeated_key_as_Dictionary_Add_does() =>
        Throws("RepeatedKey", "r = a.ToDictionary(v => v).Count.ToString();", "An item with the same key has already been added. Key: 1");

    [Fact]
    public void MaxBy_of_an_empty_sequence_of_values_throws() =>
        Throws("EmptyMaxBy", "r = new List<int>().MaxBy(v => v).ToString();", "Sequence contains no elements");

    [Theory]
    [InlineData("List<Message> ms = [new Prepare(1), new Accept(2, 7), new Prepare(3)]; r = string.Join(\",\", ms.OfType<Prepare>().Select(m => m.Bal)) + \"|\" + ms.OfType<Message>().Count();", "1,3|3")]
    [InlineData("List<Message> ms = [new Accept(2, 7)]; r = $\"{ms.OfType<Prepare>().MaxBy(m => m.Bal) is null}\";", "True")]
    public void OfType_keeps_the_elements_whose_runtime_type_is_the_one_asked_for(string body, string expected) =>
        Computes("Typed", body, expected);

    [Theory]
    [InlineData("int[] none = null!; r = $\"{MemoryExtensions.Contains<int>(a, 4)},{MemoryExtensions.Contains<int>(a, 7)},{MemoryExtensions.IndexOf<int>(a, 1)},{MemoryExtensions.SequenceEqual<int>(a, new[] { 3, 1, 4, 1, 5 })},{MemoryExtensions.SequenceEqual<int>(a, new[] { 3 })},{MemoryExtensions.Contains<int>(none, 1)}\";", "True,False,1,True,False,False")]
    public void MemoryExtensions_on_arrays_compare_values_and_read_a_null_array_as_empty(string body, string expected) =>
        Computes("Spans", body, expected);

    [Theory]
    [InlineData("list.RemoveRange(1, 2); r = string.Join(\",\", list);", "1,4,5")]
    [InlineData("list.InsertRange(1, new[] { 8, 9 }); list.InsertRange(list.Count, list); r = string.Join(\",\", list);", "1,8,9,2,3,4,5,1,8,9,2,3,4,5")]
    [InlineData("var g = list.GetRange(3, 2); g.Add(0); r = string.Join(\",\", g) + \"|\" + list.Count;", "4,5,0|5")]
    [InlineData("var s = new Stack<int>(); s.Push(1); var q = new Queue<int>(); r = $\"{s.TryPeek(out int x)},{x},{s.TryPop(out int y)},{y},{s.TryPop(out int z)},{q.TryDequeue(out int w)},{q.TryPeek(out int u)}\";", "True,1,True,1,False,False,False")]
    public void List_ranges_and_the_Try_members_of_stacks_and_queues_work_as_in_dotnet(string body, string expected) =>
        Computes("Ranges", body, expected);

    [Fact]
    public void RemoveRange_past_the_end_throws_ArgumentException() =>
        Throws("RemoveTooMany", "list.RemoveRange(4, 2); r = \"\";", "Offset and length were out of bounds");

    [Theory]
    [InlineData("r = $\"{Enum.IsDefined(Color.Blue)},{Enum.IsDefined((Color)3)},{Enum.Parse<Color>(\"Green\")},{Enum.Parse<Color>(\" 4 \")},{(int)Enum.Parse<Color>(\"green\", true)},{Enum.GetValues<Color>().Length}\";", "True,False,Green,Blue,1,3")]
    [InlineData("r = $\"{Color.Red.Equals(Color.Red)},{object.Equals(new Prepare(1), new Prepare(1))},{object.Equals(new Prepare(1), new Accept(1, 0))},{Equals(2, 3)}\";", "True,True,False,False")]
    [InlineData("r = $\"{System.Numerics.BitOperations.PopCount(13u)},{System.Numerics.BitOperations.PopCount(ulong.MaxValue)},{System.Numerics.BitOperations.PopCount((uint)int.MaxValue)}\";", "3,64,31")]
    public void Enum_object_and_bit_members_compute_as_in_dotnet(string body, string expected) =>
        Computes("Values", body, expected);

    [Theory]
    [InlineData("r = $\"{(int)Math.Floor((double)-7 / 2)},{(int)Math.Floor((double)7 / 2)},{(int)Math.Ceiling((double)-7 / 2)},{(int)Math.Ceiling((double)7 / 2)},{(int)Math.Floor((double)6 / -3)}\";", "-4,3,-3,4,-2")]
    [InlineData("int n = -7, d = 2; r = $\"{FloorDiv(n, d)},{FloorDiv(-n, d)},{FloorDiv(0, 5)}\";", "-4,3,0")]
    public void Floor_and_Ceiling_of_an_integer_quotient_converted_back_to_int_round_as_in_dotnet(string body, string expected) =>
        Computes("Rounding", body, expected, "static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);");

    [Theory]
    [InlineData("Dictionary<int, int> d = []; d[1] = 2; HashSet<int> h = []; h.Add(3); List<int> l = []; r = $\"{d.Count},{h.Count},{l.Count}\";", "1,1,0")]
    [InlineData("bool lone = list.Count > 3; List<int> l = lone ? [] : [list[0]]; HashSet<int> h = !lone ? [] : set.ToHashSet(); r = $\"{l.Count},{h.Count}\";", "0,3")]
    public void Collection_expressions_make_lists_sets_and_dictionaries_also_inside_a_conditional(string body, string expected) =>
        Computes("Literals", body, expected);

    private static void Computes(string name, string body, string expected, string members = "")
    {
        string source = BothPaths.Model(name, Fields + members + """

            string r = "";
            bool done;
            [Action] void Go() { Require(!done); done = true; BODY }
            [Terminal] bool Done => done;
            [Invariant] bool AsInCSharp => !done || r == "EXPECTED";
            """.Replace("BODY", body).Replace("EXPECTED", expected), Records);
        var (interpreted, generated) = BothPaths.Explore(name, source);
        Assert.Empty(generated.Violations);
        Assert.Empty(interpreted.Violations);
        Assert.Equal(2, interpreted.DistinctStates);
        Assert.Equal(2, generated.DistinctStates);
    }

    private static void Throws(string name, string body, string message)
    {
        string source = BothPaths.Model(name, Fields + """

            string r = "";
            [Action] void Go() { Require(r == ""); BODY }
            """.Replace("BODY", body), Records);
        var (interpreted, generated) = BothPaths.Explore(name, source);
        Assert.Contains(generated.Violations, v => v.Contains(message, System.StringComparison.Ordinal));
        Assert.Equal(generated.Violations, interpreted.Violations);
    }
}
