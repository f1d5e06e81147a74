using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>
/// A step can put one mutable object in two places of the state only by storing a reference it did not make; a model
/// none of whose members does is not walked for sharing after each step (its initial states still are).
/// </summary>
public sealed class StepSharingTests
{
    private const string Fields = """
        readonly HashSet<int>[] x = Enumerable.Range(0, 3).Select(_ => new HashSet<int> { 0 }).ToArray();
        int[] a = new int[2];
        int[] b = new int[2];
        List<int[]> rows = new();
        Dictionary<int, int[]> byKey = new();
        int n;
        """;

    private static bool MayShare(string members)
    {
        var source = TestCompilation.Usings + "[StateMachine]\npublic partial class M\n{\n" + Fields + members + "\n}\n";
        var compilation = TestCompilation.Create(source);
        return StepSharing.MayShare(compilation, compilation.GetTypeByMetadataName("M")!);
    }

    [Theory]
    [InlineData("[Action] void Reset([Range(0, 2)] int i) { x[i] = [0, 1]; }")]
    [InlineData("[Action] void Reset([Range(0, 2)] int i) { x[i] = new HashSet<int> { n, 1 }; }")]
    [InlineData("[Action] void Grow() { rows.Add(new int[n]); rows.Add([n, 1]); }")]
    [InlineData("[Action] void Copy() { a = b.ToArray(); b = (int[])a.Clone(); }")]
    [InlineData("[Action] void Swap() { var row = rows[0]; row[0]++; a[1] = b[0]; x[0].UnionWith(x[1]); }")]
    [InlineData("[Action] void Read() { Require(x.All(s => s.IsSubsetOf([0, 1])) && rows.Any(r => r.Contains(n))); n++; }")]
    [InlineData("[Action] void Fill() { Array.Fill(a, n); }")]
    [InlineData("[Action] void Rotate() { Move(a); } void Move(int[] target) { target[0] = target[1]; }")]
    [InlineData("[Action] void Move() { HashSet<int> group = [n, 1]; var next = x[0].Union(group).ToHashSet(); next.Add(2); Require(Small(next)); x[1] = next; } bool Small(HashSet<int> s) => s.Count < 3;")]
    [InlineData("[Action] void Grow() { foreach (var v in x[0]) { var row = new int[v]; row[0] = n; rows.Add(row); } }")]
    [InlineData("[Action] void Look() { if (byKey.TryGetValue(n, out var row)) { row[0]++; } }")]
    [InlineData("[Action] void Write() { a = Shifted(b); } int[] Shifted(int[] from) { var to = from.ToArray(); to[0] = n; return to; }")]
    [InlineData("[Action] void Swap() { var (first, second) = (a, b); n = first[0] + second[0]; }")]
    [InlineData("[Action] void Cut() { a = b[0..1]; var rest = x[0].Where(v => v > n).ToHashSet(); x[1] = rest; x[2].ExceptWith(rest); }")]
    public void A_model_whose_steps_store_only_what_they_make_cannot_share(string members)
    {
        Assert.False(MayShare(members));
    }

    [Theory]
    [InlineData("[Action] void Alias() { a = b; }")]
    [InlineData("[Action] void Alias() { x[1] = x[0]; }")]
    [InlineData("[Action] void Alias() { var row = a; b = row; }")]
    [InlineData("[Action] void Alias() { var row = new int[2]; a = row; b = row; }")]
    [InlineData("[Action] void Alias() { var row = new int[2]; for (int i = 0; i < 2; i++) { rows.Add(row); } }")]
    [InlineData("[Action] void Alias() { var row = new int[2]; Keep(row); a = row; } void Keep(int[] r) { b = r; }")]
    [InlineData("[Action] void Alias() { var row = new int[2]; rows.Add(row); a = row; }")]
    [InlineData("[Action] void Alias() { rows.Add(a); }")]
    [InlineData("[Action] void Alias() { rows.Insert(0, rows[1]); }")]
    [InlineData("[Action] void Alias() { byKey[n] = b; }")]
    [InlineData("[Action] void Alias() { byKey.TryGetValue(n, out a!); }")]
    [InlineData("[Action] void Alias() { if (byKey.TryGetValue(n, out var row)) { a = row; } }")]
    [InlineData("[Action] void Alias() { rows = new List<int[]>(rows); }")]
    [InlineData("[Action] void Alias() { rows = [.. rows, a]; }")]
    [InlineData("[Action] void Alias() { (a, b) = (b, a); }")]
    [InlineData("[Action] void Alias() { Keep(b); } void Keep(int[] row) { a = row; }")]
    [InlineData("[Action] void Alias() { a = Pick(); } int[] Pick() => b;")]
    [InlineData("[Action] void Alias() { a = Pick(n); } int[] Pick(int i) { if (i > 0) { return new int[2]; } return b; }")]
    [InlineData("[Action] void Alias() { a = Pick(n); } int[] Pick(int i) => i > 0 ? new int[i] : Pick(i + 1);")]
    [InlineData("[Action] void Alias() { Helpers.Append(rows, a); }")]
    [InlineData("[Action] void Alias() { _ = new Helpers.Link(rows, a); }")]
    [InlineData("public M() { } M(List<int[]> to, int[] row) { to.Add(row); } [Action] void Alias() { _ = new M(rows, a); }")]
    public void A_model_with_a_step_that_stores_a_reference_it_did_not_make_may_share(string members)
    {
        Assert.True(MayShare(members.Contains("Helpers.", System.StringComparison.Ordinal)
            ? members + "\n}\nstatic class Helpers { public static void Append(List<int[]> to, int[] row) => to.Add(row); public sealed class Link { public Link(List<int[]> to, int[] row) => to.Add(row); } "
            : members));
    }

    [Fact]
    public void Constructors_and_initializers_are_not_steps()
    {
        Assert.False(MayShare("public M() { b = a; rows.Add(a); } [Action] void Step() { n = 1 - n; }"));
    }

    // Steps that cannot share (each writes one counter), but the constructor puts one array in two fields, through a
    // helper the compile-time rule (SM0108) does not follow: both paths still check the initial state, so the model
    // error is reported, not two silent copies.
    private const string SharedFromTheStart = TestCompilation.Usings + """
        namespace Sharing;

        [StateMachine]
        public partial class FromTheStart
        {
            int[] a = new int[2];
            int[] b;
            int n;

            public FromTheStart() { b = Same(a); }

            static int[] Same(int[] row) => row;

            [Action] void Step() { Require(n < 2); n++; }
        }
        """;

    [Fact]
    public async Task Sharing_in_an_initial_state_is_reported_by_the_analyzer()
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { SharedFromTheStart });

        Assert.Contains("One mutable object is shared by 'a' and 'b'", string.Join("\n", diagnostics.Select(d => d.Id + " " + d.GetMessage())), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Sharing_in_an_initial_state_is_reported_by_the_generated_explorer()
    {
        var generated = GeneratorRun.Explore("Sharing.FromTheStart", SharedFromTheStart);

        Assert.Contains(generated.Violations, v => v.Contains("One mutable object is shared by 'a' and 'b'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_explorer_of_a_model_whose_steps_cannot_share_walks_only_its_initial_states()
    {
        var model = SharedFromTheStart.Replace("b = Same(a);", "b = new int[2];", System.StringComparison.Ordinal);
        var source = string.Join("\n", GeneratorRun.Run(GeneratorRun.Compilation(model)).Result.GeneratedTrees.Select(t => t.ToString()));

        Assert.Contains("protected override bool StepsMayShare => false;", source, System.StringComparison.Ordinal);
    }
}
