using System;
using System.Threading;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>
/// Turns a <see cref="ModelSource"/> into an interpreted model for the engine: reads the model's shape, compiles
/// the bodies it can run, and computes its static values. Errors and unsupported constructs leave no model.
/// </summary>
internal static class ModelCompiler
{
    public static CompiledModel Compile(ModelSource source, CancellationToken cancellationToken)
    {
        var diagnostics = new ModelDiagnostics(source.Type.Name);
        var types = new TypeMapper(source.Compilation);

        // The shape first (SM0101–SM0110), then the bodies every action, property and constructor can reach.
        var shape = new ShapeReader(source.Type, types, diagnostics).Read();
        PropertyPurity.Check(shape, source, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new CompiledModel(null, diagnostics.ToImmutable());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var context = new ModelContext(shape, source, types, diagnostics);
        try
        {
            var model = new ModelBuilder(context).Build(cancellationToken);
            return new CompiledModel(diagnostics.Blocking ? null : model, diagnostics.ToImmutable());
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A construct the front end mishandles must not crash the compiler: the model is just not checked.
            diagnostics.Unsupported(shape.Location, "this model (the checker failed: " + failure.GetType().Name + ": " + failure.Message + ")");
            return new CompiledModel(null, diagnostics.ToImmutable());
        }
    }
}
