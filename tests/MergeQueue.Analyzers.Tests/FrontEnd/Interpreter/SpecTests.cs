using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary><c>Require</c>, <c>Assert</c>, <c>throw</c> and bool actions: how an execution ends and where.</summary>
public sealed class SpecTests
{
    [Fact]
    public void Require_false_disables_the_action_with_its_text_and_line_and_discards_its_writes()
    {
        var model = Interpreted.Of("""
            int x;
            int[] log = new int[2];
            [Action] void Step()
            {
                log[0] = 5;
                x++;
                Require(
                    x > 10);
            }
            """);
        var reason = model.Disabled("Step()");
        Assert.Equal("Require(x > 10) is false (line 16)", reason.Text);
        Assert.Equal("Require(\n        x > 10)", Interpreted.Text(reason.Site));
        Assert.Equal("0", model["x"]);
        Assert.Equal("[0, 0]", model["log"]);
    }

    [Fact]
    public void Require_reuses_one_reason_per_site()
    {
        var model = Interpreted.Of("int x;\n[Action] void Step() { Require(x > 0); }");
        Assert.Same(model.Disabled("Step()"), model.Disabled("Step()"));
    }

    [Fact]
    public void Require_in_a_called_method_or_lambda_disables_the_calling_action()
    {
        var model = Interpreted.Of("""
            int x;
            int[] values = new int[1];
            void Guard(int v) { Require(v > 0); }
            int Checked(int v) { Require(v != 0); return 10 / v; }
            [Action] void ByStatement() { x = 1; Guard(0); x = 2; }
            [Action] void ByExpression() { x = Checked(0) + values[5]; }
            """);
        Assert.Equal("Require(v > 0) is false (line 12)", model.Disabled("ByStatement()").Text);
        Assert.Equal("Require(v != 0) is false (line 13)", model.Disabled("ByExpression()").Text);
    }

    [Fact]
    public void Bool_actions_returning_false_are_disabled_with_the_line_of_the_return()
    {
        var model = Interpreted.Of("""
            int x;
            [Action] bool TryStep([Range(0, 1)] int v)
            {
                if (v == 0)
                    return false;
                x = v;
                return true;
            }
            [Action] bool Never() => x > 100;
            """);
        Assert.Equal("returned false (line 14)", model.Disabled("TryStep(v: 0)").Text);
        Assert.Equal("returned false (line 18)", model.Disabled("Never()").Text);
        model.Do("TryStep(v: 1)");
        Assert.Equal("1", model["x"]);
    }

    [Fact]
    public void Assert_false_fails_with_its_message_at_the_statement()
    {
        var model = Interpreted.Of("""
            int x = 3;
            [Action] void Named() { Assert(x < 0, $"x is {x}"); }
            [Action] void Plain() { Spec.Assert(x < 0); }
            [Invariant] bool Small() { Assert(x < 2, "too big"); return true; }
            """);
        var failure = model.Fails("Named()");
        Assert.Equal(FailureKind.AssertFailed, failure.Kind);
        Assert.Equal("x is 3", failure.Message);
        Assert.Equal("Assert(x < 0, $\"x is {x}\");", Interpreted.Text(failure.Site));
        Assert.Equal("Assert failed", model.Fails("Plain()").Message);
        var predicate = model.Evaluate("Small");
        Assert.Equal("too big", predicate.Failure!.Message);
    }

    [Fact]
    public void Throw_fails_with_the_exception_type_and_message()
    {
        var model = Interpreted.Of("""
            int x;
            [Action] void Custom() { throw new InvalidOperationException("bad " + x); }
            [Action] void Default() { throw new NotSupportedException(); }
            [Action] void Argument() { throw new ArgumentOutOfRangeException(nameof(x), "negative"); }
            [Action] void Expression() { x = x > 5 ? 1 : throw new ModelError("too small"); }
            """, "public sealed class ModelError(string message) : Exception(message);\n");
        Assert.Equal("InvalidOperationException: bad 0", model.Fails("Custom()").Message);
        Assert.Equal("NotSupportedException: Specified method is not supported.", model.Fails("Default()").Message);
        Assert.Equal("ArgumentOutOfRangeException: negative (Parameter 'x')", model.Fails("Argument()").Message);
        Assert.Equal("ModelError: too small", model.Fails("Expression()").Message);
    }

    [Fact]
    public void Failures_in_called_methods_point_at_the_failing_statement()
    {
        var model = Interpreted.Of("""
            int[] values = new int[2];
            int Read(int i)
            {
                int twice = i * 2;
                return values[twice];
            }
            [Action] void Step() { values[0] = Read(1) + 1; }
            """);
        var failure = model.Fails("Step()");
        Assert.Equal("return values[twice];", Interpreted.Text(failure.Site));
    }

    [Fact]
    public void Require_outside_an_action_is_a_failure()
    {
        var model = Interpreted.Of("""
            int x;
            [Action] void Step() { }
            [Invariant] bool Positive() { Require(x > 0); return true; }
            """);
        Assert.Equal(
            "ActionDisabledException: The action is not enabled in this state (a Spec.Require condition is false).",
            model.Evaluate("Positive").Failure!.Message);
    }

    [Fact]
    public void Predicates_that_may_change_the_state_are_model_errors()
    {
        var diagnostics = Interpreted.Diagnostics("""
            int x;
            List<int> seen = new();
            [Action] void Step() { x++; }
            [Invariant] bool Sneaky() { x = 100; seen.Add(1); return true; }
            """);
        Assert.Contains(diagnostics, d => d.Id == "SM0110" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Sneaky' is not allowed: it changes the state (it writes 'x')"));
    }

    [Fact]
    public void One_mutable_object_in_two_fields_is_a_failure_at_run_time()
    {
        var model = Interpreted.Of("""
            int[] a = new int[1];
            int[] b = new int[1];
            List<int[]> rows = new();
            [Action] void Alias() { var shared = new int[2]; a = shared; b = shared; }
            [Action] void Twice() { var row = new int[1]; rows.Add(row); rows.Add(row); }
            """);
        Assert.Equal("One mutable object is shared by 'a' and 'b': give each place its own copy", model.Fails("Alias()").Message);
        Assert.Equal("One mutable object appears twice in 'rows': give each place its own copy", model.Fails("Twice()").Message);
    }
}
