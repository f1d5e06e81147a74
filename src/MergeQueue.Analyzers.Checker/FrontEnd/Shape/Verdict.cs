using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>What evaluating some code may write (see <see cref="Purity"/>), worst first: state, unknown, nothing.</summary>
internal enum Effect
{
    /// <summary>Only its own variables and the objects it makes.</summary>
    None,

    /// <summary>Something that may or may not be state: an object reached through a parameter or an alias, an unlisted member.</summary>
    Unknown,

    /// <summary>A field or auto-property of the model: <see cref="Verdict.Field"/>.</summary>
    State,
}

/// <summary>The <see cref="Effect"/> of some code and, when it writes state, the first field it writes.</summary>
internal readonly struct Verdict
{
    private Verdict(Effect effect, ISymbol? field)
    {
        Effect = effect;
        Field = field;
    }

    public static Verdict None => default;

    public static Verdict Unknown => new(Effect.Unknown, null);

    public Effect Effect { get; }

    public ISymbol? Field { get; }

    /// <summary>True when the code writes nothing a guard could not write: it may be tested apart from its action.</summary>
    public bool IsPure => Effect == Effect.None;

    public static Verdict Writes(ISymbol field) => new(Effect.State, field);

    /// <summary>The worse of this and <paramref name="next"/> (the first state field written is kept).</summary>
    public Verdict Then(Verdict next) => next.Effect > Effect ? next : this;
}
