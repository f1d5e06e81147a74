using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>Records, structs and tuples: construction, <c>with</c>, value equality, patterns and printing.</summary>
public sealed class RecordTests
{
    private const string Types = """
        public enum S { Open, Merged }
        public record Pr(int Id, S State);
        public record Job { public int Id { get; init; } public string Name { get; init; } = ""; }
        public record struct Point(int X, int Y);
        public struct Counter { public int Count; public bool Done; }
        public abstract record Shape;
        public record Circle(int R) : Shape;
        public record Square(int Side) : Shape;
        """;

    [Fact]
    public void Interpreter_creates_records_and_prints_them_in_record_style()
    {
        var model = Interpreted.Of("""
            Pr pr = new Pr(1, S.Open);
            Point point = new(2, 3);
            (int, bool) pair = (1, true);
            (int Id, string Name) named = (7, "x");
            Counter counter;
            Pr? none;
            [Action] void Step() { }
            """, Types);
        Assert.Equal("Pr { Id = 1, State = Open }", model["pr"]);
        Assert.Equal("Point { X = 2, Y = 3 }", model["point"]);
        Assert.Equal("(1, true)", model["pair"]);
        Assert.Equal("(Id: 7, Name: \"x\")", model["named"]);
        Assert.Equal("Counter { Count = 0, Done = false }", model["counter"]);
        Assert.Equal("null", model["none"]);
    }

    [Fact]
    public void Interpreter_copies_records_with_with_and_compares_them_by_value()
    {
        var model = Interpreted.Of("""
            Pr pr = new(1, S.Open);
            Pr? merged;
            bool same;
            bool equalTuples;
            [Action] void Step()
            {
                merged = pr with { State = S.Merged };
                same = merged == new Pr(1, S.Merged) && merged != pr && merged.Equals(new Pr(1, S.Merged));
                equalTuples = (pr.Id, 2) == (1, 2);
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("Pr { Id = 1, State = Merged }", model["merged"]);
        Assert.Equal("Pr { Id = 1, State = Open }", model["pr"]);
        Assert.Equal("true", model["same"]);
        Assert.Equal("true", model["equalTuples"]);
    }

    [Fact]
    public void Interpreter_gives_structs_and_tuples_value_semantics()
    {
        var model = Interpreted.Of("""
            Point a = new(1, 1);
            Point b;
            Counter[] counters = new Counter[2];
            (int X, int Y) t = (1, 2);
            [Action] void Step()
            {
                b = a; b.X = 5;
                counters[1].Count++; counters[1].Done = true;
                var copy = counters[1]; copy.Count = 99;
                t.X = 10; (t.X, t.Y) = (t.Y, t.X);
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("Point { X = 1, Y = 1 }", model["a"]);
        Assert.Equal("Point { X = 5, Y = 1 }", model["b"]);
        Assert.Equal("[Counter { Count = 0, Done = false }, Counter { Count = 1, Done = true }]", model["counters"]);
        Assert.Equal("(X: 2, Y: 10)", model["t"]);
    }

    [Fact]
    public void Interpreter_matches_property_positional_type_and_relational_patterns()
    {
        var model = Interpreted.Of("""
            Pr pr = new(3, S.Merged);
            Shape shape = new Circle(2);
            string result = "";
            [Action] void Step()
            {
                if (pr is { Id: > 2, State: S.Merged }) result += "a";
                if (pr is Pr(3, not S.Open)) result += "b";
                if (shape is Circle { R: var r } && r == 2) result += "c";
                if (shape is not Square) result += "d";
                result += shape switch { Square s => "square" + s.Side, Circle c => "circle" + c.R, _ => "?" };
                if ((pr.Id, pr.State) is (3, S.Merged)) result += "e";
                var (id, state) = pr;
                if (id == 3 && state is S.Merged or S.Open) result += "f";
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("\"abcdcircle2ef\"", model["result"]);
    }

    [Fact]
    public void Interpreter_keeps_records_in_collections_by_value()
    {
        var model = Interpreted.Of("""
            HashSet<Pr> set = new();
            Dictionary<Point, string> names = new();
            List<Job> jobs = new();
            bool found;
            [Action] void Step()
            {
                set.Add(new Pr(2, S.Open)); set.Add(new Pr(1, S.Merged)); set.Add(new Pr(2, S.Open));
                names[new Point(0, 1)] = "up";
                jobs.Add(new Job { Id = 4, Name = "build" });
                found = set.Contains(new Pr(1, S.Merged)) && names.ContainsKey(new Point(0, 1)) && jobs.Contains(new Job { Id = 4, Name = "build" });
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("{Pr { Id = 1, State = Merged }, Pr { Id = 2, State = Open }}", model["set"]);
        Assert.Equal("{Point { X = 0, Y = 1 }: \"up\"}", model["names"]);
        Assert.Equal("[Job { Id = 4, Name = \"build\" }]", model["jobs"]);
        Assert.Equal("true", model["found"]);
    }

    [Fact]
    public void Interpreter_handles_null_records_and_strings()
    {
        var model = Interpreted.Of("""
            Pr? current;
            string? name;
            string result = "";
            [Action] void Step()
            {
                result += current is null ? "a" : "b";
                result += current?.Id.ToString() ?? "c";
                name ??= "set";
                current = new Pr(4, S.Open);
                result += current?.State.ToString() ?? "d";
                if (current is not null && name is { Length: 3 }) result += "e";
            }
            [Action] void Crash() { current = null; result = current!.State.ToString(); }
            """, Types);
        model.Do("Step()");
        Assert.Equal("\"acOpene\"", model["result"]);
        Assert.Equal("\"set\"", model["name"]);
        Assert.Equal("NullReferenceException: Object reference not set to an instance of an object.", model.Fails("Crash()").Message);
    }
}
