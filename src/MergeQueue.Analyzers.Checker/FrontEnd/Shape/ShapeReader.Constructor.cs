using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>The initial states (SPEC §1 "Several initial states") and the <c>[StateMachine]</c> switches.</summary>
internal sealed partial class ShapeReader
{
    /// <summary>
    /// The constructor that builds the initial states, with the domains of its parameters. A constructor with a
    /// <c>[Range]</c> or <c>[Values]</c> parameter is meant to (TLA+ <c>Init == x \in S</c>); without one, the
    /// parameterless constructor does, or else the one constructor there is (its parameters then need domains, as
    /// bool and enum ones have). Other constructors are helpers the chosen one may call.
    /// </summary>
    private (IMethodSymbol? Constructor, IReadOnlyList<ParameterDomain> Domains) ReadConstructor()
    {
        // The generator's copy constructor is in the compilation the analyzer sees, but it is not the model's.
        var withParameters = SourceOrder.Sort(type.InstanceConstructors.Where(c =>
            c.Parameters.Length > 0 && !c.Parameters.Any(p => p.Type.Name == KnownSymbols.GeneratedCopyTag))).ToList();
        var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
        var domained = withParameters.Where(c => c.Parameters.Any(HasDomainAttribute)).ToList();
        var candidates = domained.Count > 0 ? domained : parameterless is null ? withParameters : new List<IMethodSymbol>();
        if (candidates.Count > 1)
        {
            diagnostics.Error(DiagnosticDescriptors.InitialConstructor, SourceOrder.Location(candidates[1]), type.Name, candidates.Count);
            return (null, new List<ParameterDomain>());
        }

        if (candidates.Count == 0)
        {
            return (parameterless, new List<ParameterDomain>());
        }

        // SM0102 and friends name a parameter without a domain, or with a wrong one.
        return domains.Read(candidates[0], allowProcess: false) is { } read
            ? (candidates[0], read)
            : (null, new List<ParameterDomain>());
    }

    /// <summary>The attribute's <c>CheckStuck</c>; true unless set to false (TLC's <c>CHECK_DEADLOCK FALSE</c>).</summary>
    private bool CheckStuck()
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownSymbols.IsAttribute(a, KnownSymbols.StateMachine));
        return attribute?.NamedArguments.FirstOrDefault(a => a.Key == "CheckStuck").Value.Value is not false;
    }

    private static bool HasDomainAttribute(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => KnownSymbols.IsAttribute(a, KnownSymbols.Range) || KnownSymbols.IsAttribute(a, KnownSymbols.Values));
}
