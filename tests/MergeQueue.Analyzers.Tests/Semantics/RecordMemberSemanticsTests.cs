using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// Records and source code as C# developers write them: members beyond stored ones, static members of records,
/// operators, generic helpers, interfaces and record hierarchies with virtual members, and ordering by tuples and
/// <c>IComparable&lt;T&gt;</c> records. Each model gives the same counts in the interpreter and in <c>Explore()</c>,
/// counted by hand beside it.
/// </summary>
public sealed class RecordMemberSemanticsTests
{
    [Fact]
    public void Computed_properties_instance_methods_and_static_members_of_a_record_run_their_bodies()
    {
        // c goes Zero, (1, 1), (2, 2), (3, 3): 4 states; Score and SumTo hold in each.
        string source = BothPaths.Model("Counters", """
            Counter c = Counter.Zero;
            [Action] void Bump() { Require(c.Value < 3); c = Counter.Create(c.Value + 1).WithRound(c.Round + 1); }
            [Invariant] bool ScoreMatches => c.Score == c.Value * 11;
            [Invariant] bool Triangle => c.SumTo() * 2 == c.Value * (c.Value + 1);
            [Terminal] bool Done => !c.IsEmpty && c.Value == 3;
            """, """
            public sealed record Counter(int Value, int Round)
            {
                public static readonly Counter Zero = new(0, 0);
                public int Score => Value * 10 + Round;
                public bool IsEmpty => Value == 0;
                public static Counter Create(int value) => new(value, 0);
                public Counter WithRound(int round) => this with { Round = round };
                public int SumTo()
                {
                    int sum = 0;
                    for (int i = 1; i <= Value; i++) sum += i;
                    return sum;
                }
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("Counters", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(4, interpreted.DistinctStates);
        Assert.Equal(4, generated.DistinctStates);
    }

    [Fact]
    public void A_struct_method_sees_a_copy_and_a_user_written_operator_runs_its_body()
    {
        // The struct's == compares X only, so Retag(1) also finds p equal: states same = 0, 1, 2 (never 9).
        string source = BothPaths.Model("Tags", """
            Pos p;
            int same;
            [Action] void Retag([Range(0, 1)] int t) { Require(same == 0); same = p == new Pos { X = 0, Tag = t } ? 1 + t : 9; }
            [Invariant] bool EqualByX => same != 9;
            [Invariant] bool Moved => p.Moved(2).X == p.X + 2 && p.X == 0;
            [Terminal] bool Done => same != 0;
            """, """
            public struct Pos
            {
                public int X;
                public int Tag;
                public Pos Moved(int d) { var copy = this; copy.X += d; return copy; }
                public static bool operator ==(Pos a, Pos b) => a.X == b.X;
                public static bool operator !=(Pos a, Pos b) => !(a == b);
                public override bool Equals(object? o) => o is Pos q && q.X == X;
                public override int GetHashCode() => X;
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("Tags", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(3, interpreted.DistinctStates);
        Assert.Equal(3, generated.DistinctStates);
    }

    [Fact]
    public void Generic_helpers_run_for_their_type_arguments_and_an_interface_field_keeps_the_runtime_record()
    {
        // Initial; Send(1), Send(2) (Send(3) matches no link); Remember(1), Remember(2): last holds a Packet or a
        // Link, which differ though both have Port 1 or 2. 5 states.
        string source = BothPaths.Model("Links", """
            readonly HashSet<Link> links = [new Link(1, false), new Link(2, false)];
            IAddressed? last;
            static T Choose<T>(IEnumerable<T> xs, Func<T, bool> p) => xs.First(p);
            static bool HasMatch<TLink>(IAddressed a, IEnumerable<TLink> ls) where TLink : IAddressed => ls.Any(l => Same(a, l));
            static bool Same(IAddressed a, IAddressed b) => a.Port == b.Port;
            [Action] void Send([Range(1, 3)] int port)
            {
                Require(last is null);
                var packet = new Packet(port, 0);
                Require(HasMatch(packet, links));
                var l = Choose(links, x => x.Port == port);
                links.Remove(l);
                links.Add(l with { Open = true });
                last = packet;
            }
            [Action] void Remember([Range(1, 2)] int port) { Require(last is null); last = Choose(links, x => x.Port == port); }
            [Invariant] bool OpenIfSent => last is not Packet q || links.Any(l => l.Port == q.Port && l.Open);
            [Invariant] bool Described => last is null || last.Describe() == (last is Link ? "link " : "packet ") + last.Port;
            [Terminal] bool Done => last is not null;
            """, """
            public interface IAddressed { int Port { get; } string Describe(); }
            public sealed record Link(int Port, bool Open) : IAddressed { public string Describe() => "link " + Port; }
            public sealed record Packet(int Port, int Seq) : IAddressed { public string Describe() => "packet " + Port; }
            """);
        var (interpreted, generated) = BothPaths.Explore("Links", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(5, interpreted.DistinctStates);
        Assert.Equal(5, generated.DistinctStates);
    }

    [Fact]
    public void An_abstract_member_runs_the_override_of_the_runtime_record()
    {
        // Areas: Sq(1) 1, Sq(2) 4, Rect(1, 2) 2, Rect(2, 2) 4. Lists whose areas add up to at most 5: [], 4 of one
        // shape, and aa, ab, ac, ad, ba, ca, cc, da: 13 states.
        string source = BothPaths.Model("Areas", """
            readonly List<Shape> shapes = [];
            [Action] void Add([Range(0, 3)] int i)
            {
                Require(shapes.Count < 2);
                Shape s = i switch { 0 => new Sq(1), 1 => new Sq(2), 2 => new Rect(1, 2), _ => new Rect(2, 2) };
                Require(shapes.Sum(x => x.Area) + s.Area <= 5);
                shapes.Add(s);
            }
            [Invariant] bool Kinds => shapes.All(x => x.Kind() == (x is Rect ? "rect" : "shape"));
            [Terminal] bool Full => shapes.Count == 2;
            """, """
            public abstract record Shape { public abstract int Area { get; } public virtual string Kind() => "shape"; }
            public sealed record Sq(int S) : Shape { public override int Area => S * S; }
            public sealed record Rect(int W, int H) : Shape { public override int Area => W * H; public override string Kind() => "rect"; }
            """);
        var (interpreted, generated) = BothPaths.Explore("Areas", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(13, interpreted.DistinctStates);
        Assert.Equal(13, generated.DistinctStates);
    }

    [Fact]
    public void Ordering_by_tuples_and_by_comparable_records_is_the_default_comparer()
    {
        // Both lists stay sorted, so a state is a multiset of at most two of the four (a, b): 1 + 4 + 10 = 15 states.
        // Ver sorts by Major, then by Minor descending (its CompareTo); tuples item by item.
        string source = BothPaths.Model("Sorted", """
            List<(int, int)> seen = [];
            List<Ver> vers = [];
            [Action] void Add([Range(0, 1)] int a, [Range(0, 1)] int b)
            {
                Require(seen.Count < 2);
                seen = seen.Append((b, a)).OrderBy(x => x).ToList();
                vers = vers.Append(new Ver(a, b)).OrderBy(v => v).ToList();
            }
            [Invariant] bool TuplesSorted => seen.Count < 2 || seen[0].Item1 < seen[1].Item1 || (seen[0].Item1 == seen[1].Item1 && seen[0].Item2 <= seen[1].Item2);
            [Invariant] bool VersionsSorted => vers.Count < 2 || vers[0].Major < vers[1].Major || (vers[0].Major == vers[1].Major && vers[0].Minor >= vers[1].Minor);
            [Terminal] bool Full => seen.Count == 2;
            """, """
            public sealed record Ver(int Major, int Minor) : IComparable<Ver>
            {
                public int CompareTo(Ver? other) => other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : other.Minor.CompareTo(Minor);
            }
            """);
        var (interpreted, generated) = BothPaths.Explore("Sorted", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(15, interpreted.DistinctStates);
        Assert.Equal(15, generated.DistinctStates);
    }
}
