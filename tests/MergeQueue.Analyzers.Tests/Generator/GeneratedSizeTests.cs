using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// Generated code computes an action instance's arguments from its number: one [Range(0, 19999)] parameter emitted
/// 3.57 MB of code when each instance had its own lines, and the conformance driver's 165 bytes an instance made the
/// compiler grow its heap by 2.4 GB at [Range(0, 8876)]; now a range's size changes only its numbers in the code.
/// </summary>
public sealed class GeneratedSizeTests
{
    private const string Model = """
        [StateMachine]
        public partial class Wide
        {
            int x;
            [Action] void Pick([Range(0, MAX)] int p, [Values(3, 1, 2)] int q, bool r) { Require(x == 0 && p == 2 && q == 2 && r); x = p + q; }
            [Action] void Back() { Require(x == 4); x = 0; }
        }
        """;

    [Fact]
    public void The_generated_code_does_not_grow_with_a_range()
    {
        var small = Files("2");
        var large = Files("99");

        // Both files: the explorer and the conformance driver. Only numbers differ: the range's bound ("2", "99") and
        // the instance numbers in a few places ("18", "600").
        Assert.Equal(new[] { ".Conformance.g.cs", ".Explore.g.cs" }, small.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (var (file, length) in small)
        {
            Assert.InRange(large[file] - length, 0, 64);
        }
    }

    private static System.Collections.Generic.Dictionary<string, int> Files(string max) =>
        GeneratorRun.Run(GeneratorRun.Compilation(TestCompilation.Usings + Model.Replace("MAX", max))).Result.GeneratedTrees
            .ToDictionary(t => System.IO.Path.GetFileName(t.FilePath).Substring("Wide".Length), t => t.Length);

    [Fact]
    public void Instances_computed_from_their_number_explore_as_the_analyzer_does()
    {
        // By hand: x = 0, Pick(p: 2, q: 2, r: true) gives x = 4, Back returns to 0: 2 states, 2 transitions.
        // 12,000 instances of Pick compiled and run: with 6,000 the test host crashed compiling the conformance driver
        // when it spelled out each instance.
        var result = GeneratorRun.Explore("Wide", TestCompilation.Usings + Model.Replace("MAX", "1999"));

        Assert.Equal(2, result.DistinctStates);
        Assert.Equal(2, result.Transitions);
        Assert.Empty(result.Violations);
    }
}
