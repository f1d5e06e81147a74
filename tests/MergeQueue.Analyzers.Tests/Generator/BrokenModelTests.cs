using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// While a model does not compile, the generated code must not repeat its errors: an IDE would show each one twice,
/// once at the user's code and once in a file the user cannot edit.
/// </summary>
public sealed class BrokenModelTests
{
    [Theory]
    [InlineData("int x;\n[Action] void Step() { Require(missing > 0); x++; }", "CS0103")]
    [InlineData("int x;\n[Action] void Step() { Require(x > \"a\"); x++; }", "CS0019")]
    public void An_error_in_a_Require_is_reported_once(string members, string id)
    {
        AssertReportedOnce(TestCompilation.Usings + "[StateMachine]\npublic partial class M\n{\n" + members + "\n}\n", id);
    }

    [Fact]
    public void An_error_in_a_using_directive_is_reported_once()
    {
        AssertReportedOnce("using Missing.Namespace;\n" + TestCompilation.Usings + "[StateMachine]\npublic partial class M\n{\nint x;\n[Action] void Step() { Require(x < 2); x++; }\n}\n", "CS0246");
    }

    private static void AssertReportedOnce(string source, string id)
    {
        var compilation = (CSharpCompilation)TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
        GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "CS8785");
        var errors = output.GetDiagnostics().Where(d => d.Id == id).ToList();
        Assert.True(errors.Count == 1, id + " reported " + errors.Count + " times:\n" + string.Join("\n", errors));
    }
}
