using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Statements.</summary>
internal sealed partial class BodyCompiler
{
    private static readonly Stmt Empty = _ => Flow.Normal;

    /// <summary>Where a failure in a statement is reported: compound statements at their header, not their whole body.</summary>
    private object SiteOf(IOperation statement) => statement switch
    {
        IConditionalOperation conditional => Loc(conditional.Condition),
        IWhileLoopOperation { Condition: { } condition } => Loc(condition),
        IForLoopOperation { Condition: { } condition } => Loc(condition),
        IForEachLoopOperation forEach => Loc(forEach.Collection),
        ISwitchOperation @switch => Loc(@switch.Value),
        _ => Loc(statement),
    };

    /// <summary>A statement that sets its own site: one nested directly in an <c>if</c> or a loop.</summary>
    private Stmt Statement(IOperation operation)
    {
        if (operation is IBlockOperation block)
        {
            return Block(block);
        }

        var statement = RawStatement(operation);
        var site = SiteOf(operation);
        return frame =>
        {
            frame.Ex.Site = site;
            return statement(frame);
        };
    }

    private Stmt Block(IBlockOperation block) => Sequence(block.Operations);

    private Stmt Sequence(IEnumerable<IOperation> operations)
    {
        var list = operations.ToList();
        DeclareLocalFunctions(list);
        var statements = new List<Stmt>();
        var sites = new List<object>();
        foreach (var operation in list)
        {
            if (operation is ILocalFunctionOperation or IEmptyOperation)
            {
                continue;
            }

            statements.Add(operation is IBlockOperation inner ? Block(inner) : RawStatement(operation));
            sites.Add(SiteOf(operation));
        }

        var s = statements.ToArray();
        var at = sites.ToArray();
        switch (s.Length)
        {
            case 0:
                return Empty;
            case 1:
                var only = s[0];
                var onlySite = at[0];
                return frame =>
                {
                    frame.Ex.Site = onlySite;
                    return only(frame);
                };
            default:
                return frame =>
                {
                    var ex = frame.Ex;
                    for (int i = 0; i < s.Length; i++)
                    {
                        ex.Site = at[i];
                        var flow = s[i](frame);
                        if (flow != Flow.Normal)
                        {
                            return flow;
                        }
                    }

                    return Flow.Normal;
                };
        }
    }

    private Stmt RawStatement(IOperation operation)
    {
        switch (operation)
        {
            case IBlockOperation block:
                return Block(block);
            case IExpressionStatementOperation statement:
                return ExpressionStatement(statement.Operation);
            case IVariableDeclarationGroupOperation group:
                return Declarations(group.Declarations.SelectMany(d => d.Declarators.Select(v => (v, d.Initializer))));
            case IReturnOperation { Kind: OperationKind.Return } @return:
                return Return(@return);
            case IReturnOperation:
                Report(operation, "a 'yield' statement");
                return Empty;
            case IConditionalOperation conditional:
                return If(conditional);
            case ISwitchOperation @switch:
                return Switch(@switch);
            case IWhileLoopOperation loop:
                return While(loop);
            case IForLoopOperation loop:
                return For(loop);
            case IForEachLoopOperation loop:
                return ForEach(loop);
            case IBranchOperation branch:
                return Branch(branch);
            case IThrowOperation @throw:
                var thrown = Expr(@throw);
                return frame =>
                {
                    thrown(frame);
                    return Flow.Stop;
                };
            case IEmptyOperation:
            case ILocalFunctionOperation:
                return Empty;
            case IInvocationOperation or ISimpleAssignmentOperation:
                // A constructor initializer or an implicit statement the driver hands over bare.
                return ExpressionStatement(operation);
            default:
                Report(operation, Describe(operation));
                return Empty;
        }
    }

    private static string Describe(IOperation operation) => operation switch
    {
        ITryOperation => "a 'try' statement",
        IUsingOperation or IUsingDeclarationOperation => "a 'using' statement",
        ILockOperation => "a 'lock' statement",
        ILabeledOperation => "a labeled statement",
        IBranchOperation => "a 'goto' statement",
        IForToLoopOperation => "a 'for' loop",
        _ => "the statement '" + Shorten(operation.Syntax.ToString()) + "'",
    };

    /// <summary>Source text for a message: on one line, and cut when long.</summary>
    private static string Shorten(string text)
    {
        text = OneLine(text);
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>Source text on one line: a condition split over lines reads the same in a one-line reason.</summary>
    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { ' ', '\n', '\r', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));

    private Stmt ExpressionStatement(IOperation expression)
    {
        if (expression is IInvocationOperation invocation && IsSpec(invocation.TargetMethod, "Require"))
        {
            return Require(invocation);
        }

        var value = Expr(expression);
        return frame =>
        {
            value(frame);
            return frame.Ex.Stopping ? Flow.Stop : Flow.Normal;
        };
    }

    private Stmt Declarations(IEnumerable<(IVariableDeclaratorOperation Declarator, IVariableInitializerOperation? Shared)> declarators)
    {
        var stores = new List<(int Slot, Expr Value)>();
        foreach (var (declarator, shared) in declarators)
        {
            int slot = scope.Declare(declarator.Symbol);
            var initializer = declarator.Initializer ?? shared;
            if (initializer is not null)
            {
                stores.Add((slot, Expr(initializer.Value)));
            }
            else if (Types.Map(declarator.Symbol.Type) is { } type)
            {
                // Unassigned locals are never read, except the fields of a struct assigned one by one.
                var initial = type.Default;
                stores.Add((slot, _ => initial));
            }
        }

        if (stores.Count == 1)
        {
            var (slot, value) = stores[0];
            return frame =>
            {
                frame.Slots[slot] = value(frame);
                return frame.Ex.Stopping ? Flow.Stop : Flow.Normal;
            };
        }

        var all = stores.ToArray();
        return frame =>
        {
            foreach (var (slot, value) in all)
            {
                frame.Slots[slot] = value(frame);
            }

            return frame.Ex.Stopping ? Flow.Stop : Flow.Normal;
        };
    }

    private Stmt Return(IReturnOperation operation)
    {
        if (operation.ReturnedValue is null)
        {
            return _ => Flow.Return;
        }

        var value = Expr(operation.ReturnedValue);
        if (!scope.IsAction)
        {
            return frame =>
            {
                var v = value(frame);
                var ex = frame.Ex;
                ex.ReturnValue = v;
                return ex.Stopping ? Flow.Stop : Flow.Return;
            };
        }

        var site = Loc(operation.ReturnedValue);
        int line = site.GetLineSpan().StartLinePosition.Line + 1;
        var reason = new DisabledReason("returned false (line " + line.ToString(CultureInfo.InvariantCulture) + ")", site);
        return frame =>
        {
            var v = value(frame);
            var ex = frame.Ex;
            ex.ReturnValue = v;
            ex.ReturnReason = reason;
            return ex.Stopping ? Flow.Stop : Flow.Return;
        };
    }

    private Stmt If(IConditionalOperation operation)
    {
        var condition = Expr(operation.Condition);
        var then = Statement(operation.WhenTrue);
        var otherwise = operation.WhenFalse is null ? null : Statement(operation.WhenFalse);
        if (otherwise is null)
        {
            return frame =>
            {
                var c = condition(frame);
                if (frame.Ex.Stopping)
                {
                    return Flow.Stop;
                }

                return c.Bool ? then(frame) : Flow.Normal;
            };
        }

        return frame =>
        {
            var c = condition(frame);
            if (frame.Ex.Stopping)
            {
                return Flow.Stop;
            }

            return c.Bool ? then(frame) : otherwise(frame);
        };
    }

    private Stmt Branch(IBranchOperation branch)
    {
        switch (branch.BranchKind)
        {
            case BranchKind.Break:
                return _ => Flow.Break;
            case BranchKind.Continue:
                return _ => Flow.Continue;
            default:
                Report(branch, "a 'goto' statement");
                return Empty;
        }
    }
}
