using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// The initial constructor's leading <c>Require</c>s, when they read only its parameters and static members, are
/// tested before an instance is built: a combination of arguments they turn down costs no exception, once one
/// instance was built (its field initializers, which run first, are then known to run).
/// </summary>
public sealed class InitialGuardTests
{
    private const string Members = """
        int x;
        [Action] void Step() { Require(x < 2); x++; }
        """;

    [Fact]
    public void Leading_Requires_on_the_parameters_are_tested_before_building()
    {
        string generated = Generate("""
            public Guarded([Range(0, 9)] int a, [Range(0, 9)] int b) { int sum = a + b; Require(sum == 9 && Check(a)); x = a; }
            static bool Check(int a) => a % 2 == 0;
            """);

        Assert.Contains("private static string? __MergeQueueInitialGuard(int a, int b)", generated);
        Assert.Contains("int sum = a + b;", generated);
        Assert.Contains("if (!(sum == 9 && Check(a))) return \"Require(sum == 9 && Check(a)) is false (line ", generated);
        Assert.Contains("protected override string? InitialGuard(int initialInstance)", generated);
    }

    // A guard run apart from the instance could not read it, nor run before a constructor it chains to.
    [Theory]
    [InlineData("public Guarded([Range(0, 9)] int a) { Require(a > x); x = a; }")]
    [InlineData("public Guarded([Range(0, 9)] int a) { Require(a > Bound()); x = a; } int Bound() => 5;")]
    [InlineData("public Guarded([Range(0, 9)] int a) : this() { Require(a > 5); x = a; } public Guarded() { }")]
    [InlineData("public Guarded([Range(0, 9)] int a) { x = a; Require(a > 5); }")]
    public void Requires_that_read_the_instance_or_follow_other_statements_are_left_to_the_constructor(string constructor)
    {
        Assert.DoesNotContain("__MergeQueueInitialGuard", Generate(constructor));
    }

    // By hand: a in 0..9 with Require(a >= 7) gives 3 initial states (x = 7, 8, 9), none of which steps (x < 2 is
    // false): 3 states. In range order, a = 0..6 come before any instance was built, so each throws (7); with the
    // passing values first ([Values(9, 8, ...)]), a = 9 is built first and a = 6..0 are turned down without a throw.
    [Theory]
    [InlineData("[Range(0, 9)] int a", 7)]
    [InlineData("[Values(9, 8, 7, 6, 5, 4, 3, 2, 1, 0)] int a", 0)]
    public void A_combination_turned_down_after_one_was_built_throws_nothing(string parameter, int expected)
    {
        var source = GeneratorTestModels.Source("Guarded", Members + "\npublic Guarded(" + parameter + ") { Require(a >= 7); x = a; }");
        var (result, thrown) = GeneratorRun.ExploreCountingDisabledThrows("Guarded", source);

        Assert.Equal(3, result.DistinctStates);
        Assert.Equal(expected, thrown);
    }

    private static string Generate(string constructor) => GeneratorRun.GeneratedCode(GeneratorTestModels.Source("Guarded", Members + "\n" + constructor));
}
