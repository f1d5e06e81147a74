using System.Collections.Generic;
using System.Collections.Immutable;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>The diagnostics of one model compile: SM01xx model errors and SM0100 unsupported constructs.</summary>
internal sealed class ModelDiagnostics(string modelName)
{
    private readonly List<Diagnostic> diagnostics = new();
    private readonly HashSet<(Location, string)> unsupported = new();

    // Some code is compiled twice (an action's guard and the rest of its body): each construct is reported once.
    private readonly HashSet<(string, Location)> errors = new();

    public bool HasErrors { get; private set; }

    public bool HasUnsupported => unsupported.Count > 0;

    /// <summary>Whether the model cannot be checked.</summary>
    public bool Blocking => HasErrors || HasUnsupported;

    public void Error(DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        HasErrors = true;
        if (errors.Add((descriptor.Id, location)))
        {
            diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
        }
    }

    /// <summary>SM0100 at <paramref name="location"/>: <paramref name="construct"/> names it ("the call to 'X'").</summary>
    public void Unsupported(Location location, string construct)
    {
        if (unsupported.Add((location, construct)))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedConstruct, location, construct, modelName));
        }
    }

    public ImmutableArray<Diagnostic> ToImmutable() => diagnostics.ToImmutableArray();
}
