using System.Linq;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// Members of records and source types beyond stored ones, generic methods, interfaces implemented by records and the
/// default order of tuples and comparable records.
/// </summary>
public sealed class RecordMemberTests
{
    private const string Types = """
        public interface IWeighed { int Weight { get; } }
        public abstract record Item(int Id) : IWeighed { public abstract int Weight { get; } public int Twice => Weight * 2; }
        public sealed record Box(int Id, int Size) : Item(Id) { public override int Weight => Size + 1; }
        public sealed record Bag(int Id) : Item(Id) { public override int Weight => 1; }
        public sealed record Tag(int Weight) : IWeighed;
        public readonly record struct Vertex(int Node, int Round)
        {
            public static Vertex Genesis { get; } = new(0, 0);
            public static Vertex Next(Vertex v) => v with { Round = v.Round + 1 };
            public bool IsGenesis => this == Genesis;
        }
        public static class Pick
        {
            public static T Last<T>(List<T> xs) => xs[xs.Count - 1];
            public static List<T> Twice<T>(T x) => [x, x];
        }
        """;

    [Fact]
    public void A_generic_helper_runs_once_per_type_argument_list()
    {
        var model = Interpreted.Of("""
            int number;
            string text = "";
            List<Vertex> pair = [];
            [Action] void Step()
            {
                number = Pick.Last(new List<int> { 1, 2, 3 });
                text = Pick.Last(new List<string> { "a", "b" });
                pair = Pick.Twice(Vertex.Next(Vertex.Genesis));
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("3", model["number"]);
        Assert.Equal("\"b\"", model["text"]);
        Assert.Equal("[Vertex { Node = 0, Round = 1 }, Vertex { Node = 0, Round = 1 }]", model["pair"]);
    }

    [Fact]
    public void An_interface_member_reads_the_stored_or_computed_member_of_the_runtime_record()
    {
        var model = Interpreted.Of("""
            List<IWeighed> items = [new Box(1, 4), new Bag(2), new Tag(7)];
            int total;
            int twice;
            bool genesis;
            [Action] void Step()
            {
                total = items.Sum(i => i.Weight);
                twice = items.Sum(i => i is Item it ? it.Twice : 0);
                genesis = Vertex.Genesis.IsGenesis && !Vertex.Next(Vertex.Genesis).IsGenesis;
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("13", model["total"]);
        Assert.Equal("12", model["twice"]);
        Assert.Equal("true", model["genesis"]);
        Assert.Equal("[Box { Id = 1, Size = 4 }, Bag { Id = 2 }, Tag { Weight = 7 }]", model["items"]);
    }

    [Fact]
    public void Min_and_max_of_tuples_compare_item_by_item()
    {
        var model = Interpreted.Of("""
            (int, int) low;
            (int, int) high;
            [Action] void Step()
            {
                var pairs = new List<(int, int)> { (2, 1), (1, 5), (2, 0), (1, 7) };
                low = pairs.Min();
                high = pairs.Max(p => (p.Item1, -p.Item2));
            }
            """, Types);
        model.Do("Step()");
        Assert.Equal("(1, 5)", model["low"]);
        Assert.Equal("(2, 0)", model["high"]);
    }

    [Fact]
    public void Ordering_by_a_tuple_with_a_string_is_refused_as_culture_dependent()
    {
        var diagnostics = Interpreted.Diagnostics("""
            List<(int, string)> xs = [];
            [Action] void Step() { xs = xs.OrderBy(x => x).ToList(); }
            """);
        Assert.Contains(diagnostics, d => d.Id == "SM0100" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ordering by '(int, string)'"));
    }
}
