using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Differential;

/// <summary>
/// The interpreter against .NET: each snippet runs in an action of the same model, interpreted and for real, and
/// must leave the same <c>result</c> or throw the same exception with the same message.
/// </summary>
public sealed class DifferentialTests
{
    private const string Types = """
        public enum E { A, B, C }
        public record P(int Id, E State);
        public record struct Pt(int X, int Y);
        """;

    [Theory]
    [InlineData("int x = int.MaxValue; x += 2; result = $\"{x}\";")]
    [InlineData("long x = long.MinValue; x--; result = x.ToString();")]
    [InlineData("int x = -17; result = $\"{x / 5} {x % 5} {x >> 2} {x >>> 28} {x << 30} {~x} {-x}\";")]
    [InlineData("uint u = 3; u -= 5; ulong big = ulong.MaxValue / 3; result = $\"{u} {big} {u * 3} {(int)u} {(byte)u}\";")]
    [InlineData("short s = short.MaxValue; s++; sbyte b = -128; b--; char c = 'y'; c += (char)2; result = $\"{s} {b} {c} {(int)c}\";")]
    [InlineData("int x = int.MaxValue; result = checked(x + 1).ToString();")]
    [InlineData("int x = int.MinValue; int m = -1; result = (x % m).ToString();")]
    [InlineData("int zero = 0; result = (5 % zero).ToString();")]
    [InlineData("long big = 300; result = checked((byte)big).ToString();")]
    [InlineData("result = Math.Abs(int.MinValue + 0 * result.Length).ToString();")]
    [InlineData("E e = (E)7; E f = E.B | E.C; result = $\"{e} {f} {E.A - E.C} {e > E.C}\";")]
    [InlineData("var xs = new[] { 5, 3, 8 }; result = string.Join(\",\", xs.Where(x => x > 3).Select((x, i) => x * i)) + xs.Sum() + xs.Max();")]
    [InlineData("var xs = new List<int>(); result = xs.Max().ToString();")]
    [InlineData("var xs = new List<int> { 1 }; result = xs.First(x => x > 1).ToString();")]
    [InlineData("var xs = new List<int> { 1, 1 }; result = xs.Single().ToString();")]
    [InlineData("var xs = new List<int> { 1 }; result = xs[1].ToString();")]
    [InlineData("var xs = new List<int> { 1 }; xs.RemoveAt(-1);")]
    [InlineData("var xs = new List<int> { 1 }; xs.Insert(2, 0);")]
    [InlineData("var xs = new int[2]; result = xs[2].ToString();")]
    [InlineData("var d = new Dictionary<E, int>(); result = d[E.B].ToString();")]
    [InlineData("var d = new Dictionary<string, int> { [\"a\"] = 1 }; d.Add(\"a\", 2);")]
    [InlineData("var q = new Queue<int>(); q.Dequeue();")]
    [InlineData("var s = new Stack<int>(); s.Peek();")]
    [InlineData("var xs = new List<int> { 1, 2 }; foreach (var x in xs) xs.Remove(x);")]
    [InlineData("var xs = new[] { int.MaxValue, 1 }; result = xs.Sum().ToString();")]
    [InlineData("result = Enumerable.Range(1, -1).Count().ToString();")]
    [InlineData("var p = new P(1, E.B); var q = p with { Id = 2 }; result = $\"{p} {q} {p == q} {p == q with { Id = 1 }} {new Pt(1, 2)} {(1, true, \"s\", E.C)}\";")]
    [InlineData("var pts = new HashSet<Pt> { new(1, 2), new(1, 2), new(0, 0) }; result = pts.Count + \" \" + pts.Contains(new Pt(0, 0));")]
    [InlineData("var s = \"abc\"; result = s[3].ToString();")]
    [InlineData("P? p = null; result = p!.Id.ToString();")]
    [InlineData("result = (1 switch { 2 => \"two\" });")]
    [InlineData("throw new InvalidOperationException();")]
    [InlineData("throw new ArgumentException(\"bad\", nameof(result));")]
    [InlineData("throw new ArgumentNullException(nameof(result));")]
    [InlineData("int n = 5; result = $\"[{n,4}][{n,-3}][{n:D3}][{n:X}]\" + true + 'c' + E.B + null + 2L;")]
    [InlineData("var xs = new List<int> { 3, 1, 2 }; xs.Sort(); xs.Reverse(); result = string.Join(\" \", xs) + xs.IndexOf(1) + xs.Contains(4);")]
    [InlineData("var xs = Enumerable.Repeat(2, 3).ToList(); xs.AddRange(xs); result = string.Join(\"\", xs.Distinct()) + xs.Count + xs.Skip(2).Take(3).Sum() + xs.Aggregate((a, b) => a * b);")]
    [InlineData("var set = new HashSet<int> { 1, 2, 3 }; set.ExceptWith(new[] { 2 }); set.Add(9); result = string.Join(\",\", set) + set.SetEquals(new[] { 9, 3, 1 });")]
    [InlineData("var d = new Dictionary<int, string> { [2] = \"b\", [1] = \"a\" }; d.Remove(2); d[5] = \"e\"; d[2] = \"z\"; result = string.Join(\";\", d.Select(p => p.Key + \"=\" + p.Value));")]
    [InlineData("var q = new Queue<int>(new[] { 1, 2 }); q.Enqueue(3); q.Dequeue(); var st = new Stack<int>(new[] { 1, 2 }); st.Push(3); result = string.Join(\",\", q) + \"|\" + string.Join(\",\", st) + q.Peek() + st.Pop();")]
    [InlineData("int[] a = new int[1]; result = a.ElementAt(3).ToString();")]
    [InlineData("var p = new P(3, E.C); result = p switch { { Id: > 5 } => \"big\", (3, E.C) => \"three\", _ => \"?\" } + (p is { State: not E.A } q ? q.Id : -1);")]
    [InlineData("int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2); int k = 3; Func<int, int> add = x => x + k; k = 10; result = $\"{Fib(15)} {add(1)}\";")]
    [InlineData("var parts = new List<string>(); for (int i = 0; i < 20; i++) { if (i % 3 == 0) continue; if (i > 14) break; switch (i % 4) { case 0: parts.Add(\"z\"); break; case 1 or 2: parts.Add(i.ToString()); break; default: parts.Add(\"-\"); break; } } result = string.Concat(parts);")]
    [InlineData("byte b = 200; sbyte s = (sbyte)b; ushort u = unchecked((ushort)-1); long l = uint.MaxValue; ulong ul = unchecked((ulong)-1L); result = $\"{s} {u} {l} {ul} {(char)65} {(E)1} {(int)(E)2} {unchecked((int)3000000000L)}\";")]
    [InlineData("var d = new Dictionary<(int, E), string> { [(1, E.A)] = \"x\" }; result = d.ContainsKey((1, E.A)) + \" \" + d.GetValueOrDefault((2, E.A), \"none\") + (d.TryGetValue((1, E.A), out var v) ? v : \"?\");")]
    [InlineData("var xs = new[] { E.C, E.A, E.B }; result = string.Join(\",\", xs.OrderBy(e => e)) + xs.Min() + xs.Count(e => e > E.A) + Enum.GetValues<E>().Length;")]
    [InlineData("int x = 0; do { x += 7; } while (x % 5 != 0); int y = 100; while (true) { y /= 3; if (y < 4) break; } result = x + \":\" + y;")]
    [InlineData("string? s = null; result = (s ?? \"d\") + s?.ToUpperInvariant() + (s is null) + \"abc\".Contains(\"bc\") + \"x\".Equals(\"x\") + (\"a\" == \"A\");")]
    [InlineData("var list = Enumerable.Range(0, 5).ToList(); list.RemoveAll(x => x % 2 == 0); result = string.Join(\",\", list) + list.Exists(x => x == 3) + list.Find(x => x > 1) + list.TrueForAll(x => x > 0);")]
    [InlineData("int[] a = [1, 2]; int[] b = [..a, ..a, 3]; var c = b.Reverse().Skip(1).ToArray(); result = string.Join(\"\", c) + b.SequenceEqual(new[] { 1, 2, 1, 2, 3 }) + b.LastOrDefault(x => x > 5) + b.ElementAt(4);")]
    // Set comparisons with literals (built once when only read), arrays with duplicates, a long array and another set.
    [InlineData("var s = new HashSet<int> { 1, 2 }; result = $\"{s.IsSubsetOf([1, 2, 2, 3])} {s.SetEquals([2, 1, 1])} {s.IsProperSubsetOf([1, 2])} {s.IsProperSupersetOf([1])} {s.Overlaps([5, 2])} {s.Overlaps(new[] { 7 })} {s.IsSupersetOf(new HashSet<int> { 2 })} {s.SetEquals(new HashSet<int> { 2, 1 })} {s.IsSubsetOf(Enumerable.Range(0, 20).ToArray())} {new HashSet<int>().IsProperSubsetOf([])}\";")]
    // A literal built once must not be shared with a reader that writes: each pass gets its own.
    [InlineData("for (int i = 0; i < 2; i++) { int[] a = [1, 2]; a[0] += 10; var t = new HashSet<int>([1, 2]); t.Add(i); result += a[0] + \":\" + t.Count + \" \"; }")]
    // Span members over arrays: Contains, IndexOf, LastIndexOf, SequenceEqual, StartsWith, EndsWith, and Contains as a method group.
    [InlineData("int[] xs = [1, 3, 1]; int[] ab = [1, 2]; E[] es = [E.A, E.C, E.A]; E[] eb = [E.A, E.B]; result = $\"{xs.Contains(3)} {xs.AsSpan().IndexOf(1)} {xs.AsSpan().LastIndexOf(1)} {xs.AsSpan().IndexOf(2)} {xs.AsSpan().SequenceEqual(new[] { 1, 3, 1 })} {xs.AsSpan().SequenceEqual(ab)} {xs.AsSpan().StartsWith(ab)} {xs.AsSpan().EndsWith(new[] { 3, 1 })} {xs.Count(ab.Contains)} {es.Count(eb.Contains)} {es.Any(eb.Contains)} {es.Contains(E.B)}\";")]
    // ToArray and ToList of a Select over a sized source, and Count and Contains over arrays.
    [InlineData("var xs = new[] { 3, 1, 2 }; result = string.Join(\",\", Enumerable.Range(0, 3).Select(i => xs[i] * 2).ToArray()) + xs.Select((x, i) => x + i).ToList().Count + xs.Count(x => x > 1) + xs.Contains(2) + xs.Where(x => x > 1).Select(x => x).ToArray().Length;")]
    public void Interpreter_agrees_with_dotnet(string snippet)
    {
        string source = Interpreted.Source("string result = \"\";\n[Action] void Step() { " + snippet + " }", Types);
        var compilation = TestCompilation.Create(source);
        string expected = RealRun.Result(compilation, "M", "Step");

        var model = ModelSources.Compile("M", source).Model;
        Assert.True(model is not null, "not interpretable: " + snippet);
        var initial = model!.CreateInitialState(0, Interpreted.Budget).Successor;
        var outcome = model.Step(initial, 0, Interpreted.Budget);
        string actual = outcome.Kind switch
        {
            StepOutcomeKind.Enabled => Unquote(model.FormatField(outcome.Successor, 0)),
            StepOutcomeKind.Failed => outcome.Failure!.Message,
            _ => "disabled: " + outcome.Reason!.Text,
        };
        Assert.Equal(expected, actual);
    }

    private static string Unquote(string formatted) =>
        formatted == "null" ? "null" : System.Text.RegularExpressions.Regex.Unescape(formatted.Substring(1, formatted.Length - 2));
}
