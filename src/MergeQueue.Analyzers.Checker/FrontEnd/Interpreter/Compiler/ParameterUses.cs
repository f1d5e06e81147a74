using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Which parameters of one method its body may keep or write through: those read anywhere (lambdas inside
/// included) for anything but a peek. Every body is compiled before any runs, so a call reads this once complete,
/// and hands a parameter its body only peeks at a static or a literal array as it is, not a copy
/// (<c>AnyAt(LockCs)</c>, <c>AnyAt(Label.A5, Label.A6)</c> in an invariant, once per state).
/// </summary>
internal sealed class ParameterUses
{
    private readonly HashSet<int> kept = new();

    public bool Keeps(int ordinal) => kept.Contains(ordinal);

    public void Keep(int ordinal) => kept.Add(ordinal);

    /// <summary>The method whose parameters these are: one for a partial method's two parts and a generic's constructions.</summary>
    public static IMethodSymbol Owner(IMethodSymbol method) => (method.PartialImplementationPart ?? method).OriginalDefinition;
}
