using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// A product of domains too large to list (two [Range(0, 2999)] parameters: 9 million action instances) is a model
/// error at the parameter that makes it too large, reported before any instance is listed; a measured run listed
/// them all and ran out of memory.
/// </summary>
public sealed class DomainSizeTests
{
    [Fact]
    public async Task Nine_million_instances_of_an_action_are_an_error_at_the_parameter()
    {
        var diagnostics = await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Board
            {
                int x;
                [Action] void Move([Range(0, 2999)] int from, [Range(0, 2999)] int {|SM0116:to|}) { x = from + to; }
            }
            """);

        Assert.StartsWith(
            "'Move' has 9,000,000 instances (3,000 x 3,000 values); the checker runs at most 1,000,000 per member",
            diagnostics.Single("SM0116").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_property_and_a_constructor_have_the_same_bound()
    {
        await AnalyzerRun.VerifyAsync(TestCompilation.Usings + """
            [StateMachine]
            partial class Board
            {
                int x;
                Board([Range(0, 1999)] int a, [Range(0, 999)] int {|SM0116:b|}) { x = a + b; }
                [Action] void Step() { x = 0; }
                [Invariant] bool Small([Range(0, 999)] int p, bool q, [Range(0, 999)] int {|SM0116:r|}) => x >= 0;
            }
            """);
    }

    [Fact]
    public async Task A_product_within_the_bound_is_allowed()
    {
        // 1,000 x 100 = 100,000 instances. By hand: a guard keeps all but Move(a: 1, b: 1) disabled: 2 states.
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[]
        {
            TestCompilation.Usings + """
            [StateMachine]
            partial class Board
            {
                int x;
                [Action] void Move([Range(0, 999)] int a, [Range(0, 99)] int b) { Require(x == 0 && a == 1 && b == 1); x = 1; }
            }
            """,
        });

        Assert.DoesNotContain(diagnostics, d => d.Id == "SM0116");
        Assert.StartsWith("'Board': 2 distinct states", diagnostics.Single("SM0010").GetMessage());
    }
}
