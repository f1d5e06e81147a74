using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>Statements: branches, switches, loops, jumps, calls, local functions and lambdas.</summary>
public sealed class ControlFlowTests
{
    [Fact]
    public void Interpreter_runs_if_else_chains_and_the_conditional_operator()
    {
        var model = Interpreted.Of("""
            int x;
            string size = "";
            [Action] void Set([Range(0, 3)] int v)
            {
                x = v;
                if (v == 0) size = "none";
                else if (v < 2) size = "small";
                else size = v == 2 ? "medium" : "large";
            }
            """);
        model.Do("Set(v: 1)");
        Assert.Equal("\"small\"", model["size"]);
        model.Do("Set(v: 3)");
        Assert.Equal("\"large\"", model["size"]);
    }

    [Fact]
    public void Interpreter_runs_switch_statements_with_patterns_guards_and_default_last()
    {
        var model = Interpreted.Of("""
            string label = "";
            [Action] void Classify([Range(0, 7)] int v, bool flag)
            {
                switch (v)
                {
                    default:
                        label = "other";
                        break;
                    case 0:
                    case 1:
                        label = "low";
                        break;
                    case 2 when flag:
                        label = "two, flagged";
                        break;
                    case > 5:
                        label = "high";
                        break;
                }
            }
            """);
        model.Do("Classify(v: 1, flag: false)");
        Assert.Equal("\"low\"", model["label"]);
        model.Do("Classify(v: 2, flag: true)");
        Assert.Equal("\"two, flagged\"", model["label"]);
        model.Do("Classify(v: 2, flag: false)");
        Assert.Equal("\"other\"", model["label"]);
        model.Do("Classify(v: 7, flag: false)");
        Assert.Equal("\"high\"", model["label"]);
    }

    [Fact]
    public void Interpreter_runs_switch_expressions_and_throws_when_none_matches()
    {
        var model = Interpreted.Of("""
            E e;
            int score;
            [Action] void Score([Range(0, 3)] int v) => score = v switch { 0 => 10, 1 or 2 => 20, _ when e == E.A => 30, _ => 40 };
            [Action] void Partial([Range(0, 1)] int v) => score = v switch { 0 => 1 };
            """, "public enum E { A, B }\n");
        model.Do("Score(v: 2)");
        Assert.Equal("20", model["score"]);
        model.Do("Score(v: 3)");
        Assert.Equal("30", model["score"]);
        Assert.Equal(
            "SwitchExpressionException: Non-exhaustive switch expression failed to match its input. Unmatched value was 1.",
            model.Fails("Partial(v: 1)").Message);
    }

    [Fact]
    public void Interpreter_runs_for_while_do_and_foreach_with_break_and_continue()
    {
        var model = Interpreted.Of("""
            int forSum;
            int whileCount;
            int doCount;
            int evens;
            readonly int[] values = { 1, 2, 3, 4, 5, 6 };
            [Action] void Step()
            {
                for (int i = 0; i < 10; i++) { if (i == 5) break; forSum += i; }
                int n = 100; while (n > 1) { n /= 2; whileCount++; }
                do { doCount++; } while (doCount < 0);
                foreach (var v in values) { if (v % 2 == 1) continue; evens += v; }
            }
            """);
        model.Do("Step()");
        Assert.Equal("10", model["forSum"]);
        Assert.Equal("6", model["whileCount"]);
        Assert.Equal("1", model["doCount"]);
        Assert.Equal("12", model["evens"]);
    }

    [Fact]
    public void Interpreter_returns_from_inside_loops_and_nested_calls()
    {
        var model = Interpreted.Of("""
            readonly int[] values = { 4, 8, 15, 16 };
            int found = -1;
            int IndexOf(int target)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    foreach (var v in values) { if (v == target && v == values[i]) return i; }
                }

                return -1;
            }

            [Action] void Find([Values(15, 42)] int target) { found = IndexOf(target); }
            """);
        model.Do("Find(target: 15)");
        Assert.Equal("2", model["found"]);
        model.Do("Find(target: 42)");
        Assert.Equal("-1", model["found"]);
    }

    [Fact]
    public void Interpreter_calls_static_and_recursive_methods_and_properties()
    {
        var model = Interpreted.Of("""
            int result;
            static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
            int Twice { get { return result * 2; } }
            [Action] void Step() { result = Factorial(5); result = Twice; }
            """);
        model.Do("Step()");
        Assert.Equal("240", model["result"]);
    }

    [Fact]
    public void Interpreter_runs_local_functions_with_captures_and_recursion()
    {
        var model = Interpreted.Of("""
            int result;
            [Action] void Step([Range(1, 2)] int k)
            {
                int offset = 10 * k;
                int Sum(int n) => n == 0 ? offset : n + Sum(n - 1);
                result = Sum(3) + Later();
                int Later() => offset;
            }
            """);
        model.Do("Step(k: 2)");
        Assert.Equal("46", model["result"]);
    }

    [Fact]
    public void Interpreter_runs_lambdas_with_closures_over_locals_and_parameters()
    {
        var model = Interpreted.Of("""
            int result;
            [Action] void Step([Range(1, 3)] int k)
            {
                int bonus = 100;
                Func<int, int> add = x => x + k + bonus;
                bonus = 200;
                Func<int, bool> big = x => add(x) > 205;
                result = add(1) + (big(3) ? 1000 : 0);
            }
            """);
        model.Do("Step(k: 3)");
        Assert.Equal("1204", model["result"]);
    }

    [Fact]
    public void Interpreter_supports_out_var_and_ref_arguments_to_model_methods()
    {
        var model = Interpreted.Of("""
            int a;
            int b;
            bool TrySplit(int n, out int half, out int rest) { half = n / 2; rest = n - half; return n > 0; }
            void Bump(ref int x) => x++;
            [Action] void Step()
            {
                if (TrySplit(7, out var h, out int r)) { a = h; b = r; }
                Bump(ref a);
            }
            """);
        model.Do("Step()");
        Assert.Equal("4", model["a"]);
        Assert.Equal("4", model["b"]);
    }

    [Fact]
    public void Interpreter_reports_an_endless_loop_as_a_budget_failure_at_the_loop()
    {
        var model = Interpreted.Of("""
            int x;
            [Action] void Spin()
            {
                while (true) { x++; }
            }
            """);
        var failure = model.Fails("Spin()");
        Assert.Equal(FailureKind.StepBudgetExceeded, failure.Kind);
        Assert.Equal("true", Interpreted.Text(failure.Site));
    }

    [Fact]
    public void Interpreter_reports_unbounded_recursion_as_past_the_call_limit()
    {
        var model = Interpreted.Of("""
            int x;
            int Down(int n) => Down(n + 1);
            [Action] void Step() { x = Down(0); }
            """);
        Assert.Equal(FailureKind.LimitExceeded, model.Fails("Step()").Kind);
    }

    [Fact]
    public void Interpreter_evaluates_short_circuit_operators_lazily()
    {
        var model = Interpreted.Of("""
            readonly int[] values = new int[2];
            bool a;
            bool b;
            [Action] void Step([Range(0, 5)] int i) { a = i < values.Length && values[i] == 0; b = i >= values.Length || values[i] != 0; }
            """);
        model.Do("Step(i: 5)");
        Assert.Equal("false", model["a"]);
        Assert.Equal("true", model["b"]);
    }
}
