using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Loops: every iteration counts against the step budget, reported at the loop.</summary>
internal sealed partial class BodyCompiler
{
    private Stmt While(IWhileLoopOperation loop)
    {
        var site = SiteOf(loop);
        var condition = loop.Condition is null ? null : Expr(loop.Condition);
        var body = Statement(loop.Body);
        bool top = loop.ConditionIsTop;
        bool until = loop.ConditionIsUntil;
        return frame =>
        {
            var ex = frame.Ex;
            bool first = true;
            while (true)
            {
                ex.Tick(site);
                if (condition is not null && (top || !first))
                {
                    ex.Site = site;
                    bool holds = condition(frame).Bool;
                    if (ex.Stopping)
                    {
                        return Flow.Stop;
                    }

                    if (holds == until)
                    {
                        return Flow.Normal;
                    }
                }

                first = false;
                var flow = body(frame);
                if (flow == Flow.Break)
                {
                    return Flow.Normal;
                }

                if (flow is Flow.Return or Flow.Stop)
                {
                    return flow;
                }
            }
        };
    }

    private Stmt For(IForLoopOperation loop)
    {
        var site = SiteOf(loop);
        var before = Sequence(loop.Before);
        var condition = loop.Condition is null ? null : Expr(loop.Condition);
        var body = Statement(loop.Body);
        var step = Sequence(loop.AtLoopBottom);
        return frame =>
        {
            var ex = frame.Ex;
            if (before(frame) == Flow.Stop)
            {
                return Flow.Stop;
            }

            while (true)
            {
                ex.Tick(site);
                if (condition is not null)
                {
                    ex.Site = site;
                    bool holds = condition(frame).Bool;
                    if (ex.Stopping)
                    {
                        return Flow.Stop;
                    }

                    if (!holds)
                    {
                        return Flow.Normal;
                    }
                }

                var flow = body(frame);
                if (flow == Flow.Break)
                {
                    return Flow.Normal;
                }

                if (flow is Flow.Return or Flow.Stop)
                {
                    return flow;
                }

                if (step(frame) == Flow.Stop)
                {
                    return Flow.Stop;
                }
            }
        };
    }

    private Stmt ForEach(IForEachLoopOperation loop)
    {
        var site = SiteOf(loop);
        var collectionOperation = StripConversions(loop.Collection);
        var collectionType = TypeOf(collectionOperation);
        var element = collectionType?.ElementType;
        if (collectionType is null)
        {
            return Empty;
        }

        if (element is null)
        {
            Report(loop.Collection, "a 'foreach' over '" + collectionType.Name + "'");
            return Empty;
        }

        var bind = LoopVariable(loop.LoopControlVariable, element);
        Stmt body = Empty;
        var bodyEffects = Track(() => body = Statement(loop.Body));

        // The elements are read in place unless the body may copy the collection (it would then iterate a stale one).
        var collection = Expr(collectionOperation, element.HasMutableParts ? Use.Own : Use.Peek(bodyEffects));
        return frame =>
        {
            var ex = frame.Ex;
            var source = collection(frame);
            if (ex.Stopping)
            {
                return Flow.Stop;
            }

            switch (source.Ref)
            {
                case null:
                    throw Errors.NullReference();
                case ArrayObject array:
                    // Arrays enumerate by index and see writes made by the body.
                    for (int i = 0; i < array.Items.Length; i++)
                    {
                        ex.Tick(site);
                        bind(frame, array.Items[i]);
                        var flow = body(frame);
                        if (flow == Flow.Break)
                        {
                            break;
                        }

                        if (flow is Flow.Return or Flow.Stop)
                        {
                            return flow;
                        }
                    }

                    return Flow.Normal;
                default:
                    foreach (var item in Sequences.Enumerate(source.Ref))
                    {
                        ex.Tick(site);
                        bind(frame, item);
                        var flow = body(frame);
                        if (flow == Flow.Break)
                        {
                            break;
                        }

                        if (flow is Flow.Return or Flow.Stop)
                        {
                            return flow;
                        }
                    }

                    return Flow.Normal;
            }
        };
    }

    /// <summary>Stores each element into the loop variable, or deconstructs it into several.</summary>
    private Pattern LoopVariable(IOperation variable, Values.VType element)
    {
        switch (variable)
        {
            case IVariableDeclaratorOperation declarator:
                int slot = scope.Declare(declarator.Symbol);
                return (frame, value) =>
                {
                    frame.Slots[slot] = value;
                    return true;
                };
            case IDeclarationExpressionOperation { Expression: ITupleOperation tuple }:
                var parts = Deconstructor(element, tuple.Elements.Length, variable);
                var targets = tuple.Elements.Select(e => e is ILocalReferenceOperation local ? scope.Declare(local.Local) : -1).ToArray();
                return (frame, value) =>
                {
                    var values = parts(value);
                    for (int i = 0; i < targets.Length; i++)
                    {
                        if (targets[i] >= 0)
                        {
                            frame.Slots[targets[i]] = values[i];
                        }
                    }

                    return true;
                };
            default:
                Report(variable, "this 'foreach' variable");
                return (_, _) => true;
        }
    }

    private static IOperation StripConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true, Conversion.IsUserDefined: false } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
