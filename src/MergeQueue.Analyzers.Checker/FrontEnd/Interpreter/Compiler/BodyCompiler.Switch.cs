using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary><c>switch</c> statements and expressions.</summary>
internal sealed partial class BodyCompiler
{
    private Stmt Switch(ISwitchOperation operation)
    {
        var input = TypeOf(operation.Value);
        if (input is null)
        {
            return Empty;
        }

        var value = Expr(operation.Value, input.HasMutableParts ? Use.Own : Use.Peek());
        var tests = new List<(Pattern Test, int Case)>();
        var bodies = new List<Stmt>();
        int defaultCase = -1;
        foreach (var @case in operation.Cases)
        {
            int index = bodies.Count;
            foreach (var clause in @case.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        defaultCase = index;
                        break;
                    case ISingleValueCaseClauseOperation single:
                        tests.Add((ConstantTest(single.Value, input), index));
                        break;
                    case IPatternCaseClauseOperation pattern:
                        var test = Pattern(pattern.Pattern, input);
                        var guard = pattern.Guard is null ? null : Expr(pattern.Guard);
                        tests.Add((guard is null ? test : (frame, v) => test(frame, v) && guard(frame).Bool, index));
                        break;
                    default:
                        Report(clause, "the case '" + Shorten(clause.Syntax.ToString()) + "'");
                        break;
                }
            }

            bodies.Add(Sequence(@case.Body));
        }

        var allTests = tests.ToArray();
        var allBodies = bodies.ToArray();
        return frame =>
        {
            var v = value(frame);
            int chosen = defaultCase;
            foreach (var (test, index) in allTests)
            {
                if (test(frame, v))
                {
                    chosen = index;
                    break;
                }
            }

            if (frame.Ex.Stopping)
            {
                return Flow.Stop;
            }

            if (chosen < 0)
            {
                return Flow.Normal;
            }

            var flow = allBodies[chosen](frame);
            return flow == Flow.Break ? Flow.Normal : flow;
        };
    }

    private Pattern ConstantTest(IOperation constant, VType input)
    {
        if (!constant.ConstantValue.HasValue)
        {
            Report(constant, "the case label '" + Shorten(constant.Syntax.ToString()) + "'");
            return (_, _) => false;
        }

        object? c = constant.ConstantValue.Value;
        if (c is null)
        {
            return (_, v) => v.Ref is null;
        }

        if (c is string text)
        {
            return (_, v) => v.Ref is string s && s == text;
        }

        long bits = ConstantBits(c, constant);
        return (_, v) => v.Bits == bits;
    }

    private Expr SwitchExpression(ISwitchExpressionOperation operation, Use use)
    {
        var input = TypeOf(operation.Value);
        if (input is null)
        {
            return Nothing;
        }

        var value = Expr(operation.Value, input.HasMutableParts ? Use.Own : Use.Peek());
        var arms = operation.Arms.Select(arm =>
        {
            var test = Pattern(arm.Pattern, input);
            var guard = arm.Guard is null ? null : Expr(arm.Guard);
            var result = Expr(arm.Value, use);
            return (Test: test, Guard: guard, Result: result);
        }).ToArray();
        return frame =>
        {
            var v = value(frame);
            foreach (var (test, guard, result) in arms)
            {
                if (test(frame, v) && (guard is null || guard(frame).Bool))
                {
                    return result(frame);
                }
            }

            if (frame.Ex.Stopping)
            {
                return default;
            }

            throw ModelException.Of(
                "SwitchExpressionException",
                "Non-exhaustive switch expression failed to match its input. Unmatched value was " + input.ToText(v) + ".");
        };
    }
}
