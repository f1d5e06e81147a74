using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// The conformance members the generator adds (SPEC §6): their text pinned by a baseline, and CheckConformance and
/// ValidateTrace run on small models whose answers are worked out by hand in each test.
/// </summary>
public sealed class ConformanceTests
{
    private const string Counter = """
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        namespace Library
        {
            [StateMachine]
            public partial class Counter
            {
                int n;

                [Action] void Inc() { Require(n < 2); n++; }
                [Action] void Reset() { Require(n > 0); n = 0; }
            }
        }
        """;

    // Never refuses and counts like the model.
    private const string LaxDriver = """
        using MergeQueue.Analyzers;

        namespace Library
        {
            public sealed class LaxDriver : Counter.IDriver
            {
                int n;
                public void Inc() => n++;
                public void Reset() => n = 0;
                public bool Matches(Counter.Snapshot model) => model.N == n;
            }

            public static class Probe
            {
                public static string Check(bool refusals)
                {
                    var result = Counter.CheckConformance(() => new LaxDriver(), refusals ? new ConformanceOptions { CheckRefusals = true } : null);
                    return result.Passed + " " + result.TransitionsCovered + "/" + result.Transitions + "\n" + result.Divergence;
                }
            }
        }
        """;

    [Fact]
    public void Conformance_part_of_a_model_is_the_baseline_text()
    {
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(Counter));
        string generated = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Counter.Conformance.g.cs", StringComparison.Ordinal)).ToString();

        string baseline = Baseline("Counter.Conformance.g.cs.txt");
        if (!File.Exists(baseline))
        {
            // A new baseline is written once, for review in the commit, and the test fails until it is there.
            File.WriteAllText(baseline, generated);
            Assert.Fail("No baseline yet: wrote " + baseline);
        }

        Assert.Equal(File.ReadAllText(baseline).Replace("\r\n", "\n"), generated.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Implementation_that_counts_like_the_model_conforms_on_all_4_transitions()
    {
        // By hand: n = 0, 1, 2; Inc 0→1 and 1→2, Reset 1→0 and 2→0.
        Assert.Equal("True 4/4\n", Run("Probe.Check", false, Counter, LaxDriver));
    }

    [Fact]
    public void Implementation_that_never_refuses_diverges_at_step_1_when_refusals_are_checked()
    {
        // The model refuses Reset in its initial state (n > 0 is false); the lax driver takes it. The initial state's
        // one transition (Inc) is driven before its refusals, both being paths of one step.
        Assert.Equal(
            "False 1/4\n0: initial state: n = 0\nthen Reset() (it would be step 1): the implementation took it, but the model refuses it here: Require(n > 0) is false (line 12)",
            Run("Probe.Check", true, Counter, LaxDriver));
    }

    private const string Start = """
        using System.Linq;
        using MergeQueue.Analyzers;
        using static MergeQueue.Analyzers.Spec;

        namespace Library
        {
            [StateMachine(CheckStuck = false)]
            public partial class Start
            {
                int x;

                public Start([Range(0, 1)] int x0) { x = x0; }

                [Action] void Up([Range(1, 2)] int by) { Require(x + by <= 3); x += by; }

                [Invariant] bool Small() => x < 3;
            }

            public static class Probe
            {
                public static string Validate(string log)
                {
                    var steps = log.Split(' ').Select(s => s.Length == 2 ? ModelStep.Create(s.Substring(0, 1) == "U" ? "Up" : "Down", int.Parse(s.Substring(1))) : ModelStep.Create(s == "U" ? "Up" : "Down"));
                    var result = Start.ValidateTrace(steps);
                    return result.FailedAt + " " + result.Behaviors + " " + string.Join("; ", result.Violations) + "\n" + result.Report;
                }
            }
        }
        """;

    [Theory]
    // Up by 2 from x = 0 or 1: x = 2 or 3, two behaviors; 3 breaks Small.
    [InlineData("U2", "-1 2 Invariant 'Small' is violated after 1 step")]
    // Then by 1: from 2 to 3, from 3 refused; one behavior, at 3.
    [InlineData("U2 U1", "-1 1 Invariant 'Small' is violated after 1 step; Invariant 'Small' is violated after 2 steps")]
    // The values left out: {0, 1}, then {1, 2, 3}, {2, 3}, {3}; x = 3 is reachable after 1, 2 and 3 steps.
    [InlineData("U U U", "-1 1 Invariant 'Small' is violated after 1 step; Invariant 'Small' is violated after 2 steps; Invariant 'Small' is violated after 3 steps")]
    public void ValidateTrace_searches_the_initial_states_and_the_values_a_log_leaves_out(string log, string expected)
    {
        Assert.Equal(expected, Run("Probe.Validate", log, Start).Split('\n')[0]);
    }

    [Fact]
    public void ValidateTrace_points_at_the_first_step_no_state_can_take_and_why()
    {
        string report = Run("Probe.Validate", "U2 U2", Start);

        Assert.StartsWith("1 0 ", report);
        Assert.Contains("'Start': the log leaves the model at entry 1 of the log, Up(2)", report);
        Assert.Contains("then entry 1 of the log, Up(2), cannot be taken from any of the 2 states the log may have reached; from this one:\nUp(by: 2): Require(x + by <= 3) is false (line 14)", report);
    }

    [Fact]
    public void ValidateTrace_names_an_action_the_model_does_not_have()
    {
        string report = Run("Probe.Validate", "D1", Start);

        Assert.StartsWith("0 0 ", report);
        Assert.Contains("then entry 0 of the log, Down(1): the model has no action named 'Down' (its actions: Up)", report);
    }

    [Fact]
    public void StateMachine_bounds_hold_for_CheckConformance_as_for_Explore()
    {
        const string bounded = """
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            namespace Library
            {
                [StateMachine(MaxDepth = 1)]
                public partial class Counter
                {
                    int n;

                    [Action] void Inc() { Require(n < 2); n++; }
                    [Action] void Reset() { Require(n > 0); n = 0; }
                }
            }
            """;

        // By hand: depth 1 keeps n = 0 and 1, and the transitions among them, Inc 0→1 and Reset 1→0; not all of the model.
        Assert.Equal("False 2/2\n", Run("Probe.Check", false, bounded, LaxDriver));
    }

    [Theory]
    // A public member showing an internal type would not compile: the members are internal then.
    [InlineData("enum Light { Off, On }", "public partial class Lamp", "internal interface IDriver")]
    [InlineData("public enum Light { Off, On }", "public partial class Lamp", "public interface IDriver")]
    public void Conformance_members_are_as_visible_as_the_types_they_show(string lightDeclaration, string lampDeclaration, string expected)
    {
        string model = "using MergeQueue.Analyzers;\nusing static MergeQueue.Analyzers.Spec;\n"
            + lightDeclaration + "\n"
            + "[StateMachine(CheckStuck = false)]\n" + lampDeclaration + "\n{\n    Light light;\n    [Action] void Switch(Light to) { light = to; }\n}\n";
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(model));

        Assert.Contains(expected, output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Lamp.Conformance.g.cs", StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void Model_showing_a_private_nested_type_gets_no_conformance_members_and_still_compiles()
    {
        const string model = """
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            [StateMachine(CheckStuck = false)]
            public partial class Lamp
            {
                private enum Light { Off, On }

                Light light;

                [Action] void Toggle() { light = light == Light.Off ? Light.On : Light.Off; }
            }
            """;

        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(model));

        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.EndsWith("Lamp.Conformance.g.cs", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Lamp.Explore.g.cs", StringComparison.Ordinal));
    }

    private static string Run(string method, object argument, params string[] sources)
    {
        // The probes call generated members, so the sources compile only with the generator's output.
        var (output, _) = GeneratorRun.Run(TestCompilation.CreateUnchecked(sources).AddReferences(GeneratorRun.Engine));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("Conformance");
        string[] parts = method.Split('.');
        var type = context.LoadFromStream(image).GetType("Library." + parts[0], throwOnError: true)!;
        return (string)type.GetMethod(parts[1])!.Invoke(null, new[] { argument })!;
    }

    private static string Baseline(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Baselines", name);
}
