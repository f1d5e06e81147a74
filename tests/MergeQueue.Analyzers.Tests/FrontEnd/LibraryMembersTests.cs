using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd;

/// <summary>The library table finds a call's row by container, name and arity; what it does not list has no row (SM0100).</summary>
public sealed class LibraryMembersTests
{
    [Theory]
    [InlineData("list.Add(1)", "List`1", "WritesReceiver", false)]
    [InlineData("list.Where(x => x > 0)", "Enumerable", "ReadsOnly", true)]
    [InlineData("list.Count(x => x > 0)", "Enumerable", "ReadsOnly", false)]
    [InlineData("Array.Fill(array, 0)", "Array", "WritesArgument", false)]
    [InlineData("array.ToString()", "*", "ReadsOnly", false)]
    [InlineData("Require(true)", "Spec", "ReadsOnly", false)]
    [InlineData("array.AsSpan().SequenceCompareTo(array)", "MemoryExtensions", "ReadsOnly", false)]
    [InlineData("((ISet<int>)new HashSet<int>()).Add(1)", "ISet`1", "WritesReceiver", false)]
    [InlineData("((IReadOnlySet<int>)new HashSet<int>()).IsSubsetOf(list)", "IReadOnlySet`1", "ReadsOnly", false)]
    [InlineData("\"abc\".Substring(1)", "String", "ReadsOnly", false)]
    public void A_call_finds_its_row(string call, string container, string effect, bool deferred)
    {
        var row = RowOf(call);
        Assert.NotNull(row);
        Assert.EndsWith(container, row!.Container, System.StringComparison.Ordinal);
        Assert.Equal(effect, row.Effect.ToString());
        Assert.Equal(deferred, row.Deferred);
    }

    [Theory]
    [InlineData("list.BinarySearch(1)")]
    [InlineData("list.Aggregate(0, (a, x) => a + x, a => a)")]
    [InlineData("Console.WriteLine(1)")]
    [InlineData("string.Equals(\"a\", \"b\", StringComparison.Ordinal)")]
    public void A_member_the_table_does_not_list_has_no_row(string call) => Assert.Null(RowOf(call));

    private static LibraryMember? RowOf(string call)
    {
        var compilation = TestCompilation.Create(TestCompilation.Usings + "class C { List<int> list = new(); int[] array = new int[1]; void M() { " + call + "; } }");
        var tree = compilation.SyntaxTrees[0];
        var invocation = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        var method = (IMethodSymbol)compilation.GetSemanticModel(tree).GetSymbolInfo(invocation).Symbol!;
        return LibraryMembers.Find(method);
    }
}
