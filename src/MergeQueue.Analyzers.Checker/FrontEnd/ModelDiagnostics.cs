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

    // Why each refused type was refused: a type is named once, at its first use (a field's declaration comes first).
    private readonly HashSet<string> refusedTypes = new();

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

    /// <summary>
    /// SM0100 for a type the checker cannot hold (<paramref name="why"/> names it), once per model: a field of that
    /// type is reported where it is declared, and its uses are not reported again.
    /// </summary>
    public void UnsupportedType(Location location, string construct, string why)
    {
        if (!WasRefused(why))
        {
            refusedTypes.Add(why);
            Unsupported(location, construct);
        }
    }

    /// <summary>SM0100 for a field whose type is refused: each such field is named; its type is then not named again.</summary>
    public void UnsupportedField(Location location, string construct, string why)
    {
        refusedTypes.Add(why);
        Unsupported(location, construct);
    }

    /// <summary>
    /// Whether a type refused for <paramref name="why"/> has been reported already, itself or as the reason another
    /// was ("the type 'Node' (its member 'Insts' is the class 'ValueList')" names the refusal of 'ValueList').
    /// </summary>
    public bool WasRefused(string why)
    {
        foreach (string refused in refusedTypes)
        {
            if (refused.Contains(why))
            {
                return true;
            }
        }

        return false;
    }

    public ImmutableArray<Diagnostic> ToImmutable() => diagnostics.ToImmutableArray();
}
