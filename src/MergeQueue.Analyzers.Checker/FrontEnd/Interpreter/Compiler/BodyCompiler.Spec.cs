using System.Globalization;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary><c>Spec.Require</c> and <c>Spec.Assert</c>: how an action is disabled or fails.</summary>
internal sealed partial class BodyCompiler
{
    private Stmt Require(IInvocationOperation invocation)
    {
        var argument = invocation.Arguments[0];
        var condition = Expr(argument.Value);
        var site = Loc(invocation);
        int line = site.GetLineSpan().StartLinePosition.Line + 1;
        string text = "Require(" + OneLine(argument.Syntax.ToString()) + ") is false (line " + line.ToString(CultureInfo.InvariantCulture) + ")";
        var reason = new DisabledReason(text, site);
        return frame =>
        {
            if (condition(frame).Bool)
            {
                return frame.Ex.Stopping ? Flow.Stop : Flow.Normal;
            }

            var ex = frame.Ex;
            if (!ex.InAction)
            {
                throw ModelException.Of("ActionDisabledException", "The action is not enabled in this state (a Spec.Require condition is false).");
            }

            ex.Disable(reason);
            return Flow.Stop;
        };
    }

    private Expr Assert(IInvocationOperation operation)
    {
        var condition = Expr(operation.Arguments[0].Value);
        var message = operation.Arguments.Length > 1 ? Expr(operation.Arguments[1].Value) : null;
        return frame =>
        {
            bool holds = condition(frame).Bool;
            string? text = (string?)message?.Invoke(frame).Ref;
            if (!holds && !frame.Ex.Stopping)
            {
                throw new ModelException(FailureKind.AssertFailed, text ?? "Assert failed");
            }

            return default;
        };
    }
}
