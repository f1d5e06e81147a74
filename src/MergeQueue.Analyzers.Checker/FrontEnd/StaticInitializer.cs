using System.Threading;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;
using MergeQueue.Analyzers.FrontEnd.Shape;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>
/// Computes the model's <c>static</c> fields once, interpreting their initializers in declaration order: they are
/// values the model reads (tables, limits), not state.
/// </summary>
internal sealed class StaticInitializer(ModelContext context)
{
    private const long Budget = 1_000_000;

    public void Run(CancellationToken cancellationToken)
    {
        var ex = new Execution(context.Layout);
        foreach (var field in context.Shape.Statics)
        {
            var owner = (Microsoft.CodeAnalysis.ISymbol?)field.AssociatedSymbol ?? field;
            if (context.InitializerOf(owner) is not { } initializer)
            {
                continue;
            }

            var function = new CompiledFunction(field.Name + " initializer", 0);
            new BodyCompiler(context).CompileInitializer(initializer, owner, function);
            context.CompilePending();
            if (context.Diagnostics.Blocking)
            {
                return;
            }

            ex.Begin(null, new StepBudget(Budget, cancellationToken), inAction: false);
            try
            {
                function.Run(new Frame(function.SlotCount, null, ex));
            }
            catch (ModelException failure)
            {
                context.Diagnostics.Unsupported(SourceOrder.Location(field), "the initializer of '" + field.Name + "', which fails: " + failure.Text);
            }
            finally
            {
                ex.End();
            }
        }
    }
}
