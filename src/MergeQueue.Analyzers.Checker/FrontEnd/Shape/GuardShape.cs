using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// An action's guard as both back ends test it (<see cref="GuardReader"/> decides it): the first
/// <paramref name="Statements"/> statements of its body, local declarations and <c>Require</c>s ending with a
/// <c>Require</c>, all of which write nothing, then, when <see cref="Call"/> is set, the guard of the helper the next
/// statement calls. It reads only the first <paramref name="ParameterPrefix"/> parameters, so action instances that
/// agree on those share one test per state.
/// </summary>
internal sealed record GuardShape(int Statements, int ParameterPrefix)
{
    /// <summary>
    /// The helper the statement after the guard's own calls (<c>Goto(self, Pc.A0, Pc.A1);</c>), whose leading
    /// <c>Require</c>s are part of this guard; null when the guard ends with its own statements.
    /// </summary>
    public GuardCall? Call { get; init; }

    /// <summary>
    /// The <c>Require</c> statements further down the body (<see cref="LaterRequires"/>), tested after the rest on the
    /// state before the step: the stores before them cannot fail and change nothing they read.
    /// </summary>
    public IReadOnlyList<IOperation> Later { get; init; } = System.Array.Empty<IOperation>();

    /// <summary>
    /// Whether the instance with argument indexes <paramref name="combination"/> has the verdict of the one with
    /// <paramref name="previous"/> (the instance before it, or null): they agree on every parameter the guard reads.
    /// </summary>
    public bool Shares(int[]? previous, int[] combination)
    {
        if (previous is null)
        {
            return false;
        }

        for (int i = 0; i < ParameterPrefix; i++)
        {
            if (previous[i] != combination[i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// A call to one of the model's methods whose body starts with a guard of its own: the call's arguments (which write
/// nothing) bound to that guard are a guard of the caller, though the method goes on to write state.
/// </summary>
/// <param name="Invocation">The call, the statement right after the caller's own guard statements.</param>
/// <param name="Helper">The method called.</param>
/// <param name="Guard">The method's own guard, on its parameters.</param>
internal sealed record GuardCall(IInvocationOperation Invocation, IMethodSymbol Helper, GuardShape Guard);
