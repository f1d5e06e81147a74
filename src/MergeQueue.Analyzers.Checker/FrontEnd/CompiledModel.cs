using System.Collections.Immutable;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Model;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>What the front end made of a model: the executable model, or the diagnostics that prevent checking it.</summary>
internal sealed class CompiledModel
{
    public CompiledModel(IModel<InterpretedState>? model, ImmutableArray<Diagnostic> diagnostics)
    {
        Model = model;
        Diagnostics = diagnostics;
    }

    /// <summary>The model to explore; null when errors or unsupported constructs prevent checking it.</summary>
    public IModel<InterpretedState>? Model { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
