using System;
using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// An action whose <c>Require</c>s no guard can test runs as a generated copy in which each such statement returns
/// its reason instead of throwing; the copy is the original text under a <c>#line</c> directive, so what it reports
/// names the model's own lines.
/// </summary>
public sealed class RunCopyTests
{
    [Fact]
    public void A_Require_after_a_write_it_reads_returns_its_reason_in_the_actions_copy()
    {
        string generated = Generate("""
            int x;
            [Action] void Go([Range(1, 2)] int by)
            {
                x += by;
                if (by == 2) Require(x % 2 == 0);
                else { Require(x < 3); return; }
            }
            """);

        Assert.Contains("return next.__MergeQueueRun0(", generated);
        Assert.Contains("if (by == 2) { if (!(x % 2 == 0)) return \"Require(x % 2 == 0) is false (line ", generated);
        Assert.Contains("{ if (!(x < 3)) return \"Require(x < 3) is false (line ", generated);
        Assert.Contains("return null; }", generated);
        Assert.Contains("#line default", generated);
    }

    [Fact]
    public void A_helper_that_may_disable_its_caller_has_a_copy_whose_reason_the_caller_returns()
    {
        string generated = Generate("""
            int x;
            void Add(int by) { x += by; Require(x <= 3); }
            [Action] void Go([Range(1, 2)] int by) { Add(by); x++; }
            """);

        Assert.Contains("private string? __MergeQueueRun0(int by)", generated);
        Assert.Contains("return next.__MergeQueueRun1(", generated);
        Assert.Contains("{ var __mergeQueueReason = __MergeQueueRun0(by); if (__mergeQueueReason != null) return __mergeQueueReason; }", generated);
    }

    [Fact]
    public void A_helper_with_a_value_gives_it_through_an_out_parameter_of_its_copy()
    {
        string generated = Generate("""
            int[] values = new int[3];
            int Free(int q) { Require(values[q] == 0); return q; }
            [Action] void Go([Range(0, 2)] int p) { values[p]++; var q = Free(p); values[q] = 2; }
            """);

        Assert.Contains("private string? __MergeQueueRun0(int q, out int __mergeQueueValue)", generated);
        Assert.Contains("{ __mergeQueueValue = default; ", generated);
        Assert.Contains("{ __mergeQueueValue = q; return null; }", generated);
        Assert.Contains("var __mergeQueueReasonOfq = __MergeQueueRun0(p, __mergeQueueValue: out var q); if (__mergeQueueReasonOfq != null) return __mergeQueueReasonOfq;", generated);
    }

    // Its out parameter comes last: after optional or params parameters it could not, so such a helper keeps throwing;
    // a call naming its arguments out of order still compiles.
    [Theory]
    [InlineData("int Free(int q, int by = 1) { Require(values[q] == 0); return q + by - 1; }", "var q = Free(p);", false)]
    [InlineData("int Free(params int[] qs) { Require(values[qs[0]] == 0); return qs[0]; }", "var q = Free(p);", false)]
    [InlineData("int Free(int q, int by) { Require(values[q] == 0); return q + by - 1; }", "var q = Free(by: 1, q: p);", true)]
    public void A_helper_with_a_value_is_copied_only_where_its_out_parameter_can_come_last(string helper, string call, bool copied)
    {
        string generated = Generate("int[] values = new int[3];\n" + helper + "\n[Action] void Go([Range(0, 2)] int p) { values[p]++; " + call + " values[q] = 2; }");

        Assert.Equal(copied, generated.Contains("__mergeQueueValue: out var q", System.StringComparison.Ordinal));
    }

    // The copy would behave otherwise where the exception could be caught, or where a callee is told its caller's name.
    [Theory]
    [InlineData("[Action] void Go() { try { x++; Require(x < 2); } catch (Exception) { x = 0; } }")]
    [InlineData("static void Log([System.Runtime.CompilerServices.CallerMemberName] string name = \"\") { } [Action] void Go() { x++; Log(); Require(x < 2); }")]
    [InlineData("[Action] void Go() { x++; System.Action check = () => Require(x < 2); check(); }")]
    [InlineData("[Action] bool Go() { x++; Require(x < 2); return true; }")]
    public void Where_the_copy_could_behave_otherwise_the_action_itself_runs(string members)
    {
        string generated = Generate("int x;\n" + members);

        Assert.DoesNotContain("__MergeQueueRun", generated);
    }

    // The generated class is not declared unsafe: code that is stays in the action.
    [Fact]
    public void An_unsafe_action_runs_itself()
    {
        var source = GeneratorTestModels.Source("Copied", "int x;\n[Action] unsafe void Go() { int y = x; int* p = &y; *p += 1; x = y; Require(x < 2); }");
        var compilation = TestCompilation.CreateUnchecked(source).AddReferences(GeneratorRun.Engine);
        compilation = compilation.WithOptions(compilation.Options.WithAllowUnsafe(true));
        string generated = string.Join("\n", GeneratorRun.Run(compilation).Result.GeneratedTrees.Select(t => t.ToString()));

        Assert.Contains("public static global::MergeQueue.Analyzers.ExplorationResult Explore(", generated);
        Assert.DoesNotContain("__MergeQueueRun", generated);
    }

    // A type only the model's file can name cannot be named from the generated file: neither guards nor copies.
    [Fact]
    public void A_model_file_with_a_file_local_type_gets_no_copy()
    {
        string generated = GeneratorRun.GeneratedCode(GeneratorTestModels.Source(
            "Copied", "int x;\n[Action] void Go() { Require(Limits.Ok(x)); x++; Require(Limits.Ok(x)); }", "file static class Limits { public static bool Ok(int v) => v < 3; }\n"));

        Assert.Contains("public static global::MergeQueue.Analyzers.ExplorationResult Explore(", generated);
        Assert.DoesNotContain("__MergeQueueRun", generated);
        Assert.DoesNotContain("__MergeQueueGuard", generated);
    }

    // The model is stuck at x = 3; the report lists each action's reason with the line the model's file gives it,
    // from a copy (Receive's Require) and from a Require still thrown in a lambda inside a copy (Late's).
    [Fact]
    public void The_stuck_report_names_the_models_lines_in_both_paths()
    {
        var source = GeneratorTestModels.All.Single(m => m.Name == "StuckAfterWrites").Source;
        var generated = GeneratorRun.Explore("StuckAfterWrites", source);

        Assert.Contains("Require(x <= 3) is false (line " + LineOf(source, "Require(x <= 3)") + ")", generated.Report);
        Assert.Contains("Require(x < 2) is false (line " + LineOf(source, "Require(x < 2)") + ")", generated.Report);
        // Late runs as a copy (its own Require returns), from which the lambda's throws: copies of Receive, Step, Late.
        string code = GeneratorRun.GeneratedCode(source);
        Assert.Contains("return next.__MergeQueueRun2();", code);
    }

    private static int LineOf(string source, string text) =>
        source.Substring(0, source.IndexOf(text, StringComparison.Ordinal)).Count(c => c == '\n') + 1;

    private static string Generate(string members) => GeneratorRun.GeneratedCode(GeneratorTestModels.Source("Copied", members));
}
