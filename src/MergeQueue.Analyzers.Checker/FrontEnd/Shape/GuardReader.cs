using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Decides each action's guard once, for both back ends: a false <c>Require</c> costs an exception in generated code
/// and a whole step in the interpreter, while a guard tested on the stored state costs a branch. The guard is the
/// longest run of leading local declarations and <c>Require</c>s that writes nothing (<see cref="Purity"/>), cut after
/// its last <c>Require</c>; the locals before a <c>Require</c> (<c>var msg = ...; Require(network.Contains(msg));</c>)
/// are part of it.
/// </summary>
internal sealed class GuardReader
{
    private readonly Purity purity;
    private readonly Compilation compilation;

    public GuardReader(Purity purity, Compilation compilation)
    {
        this.purity = purity;
        this.compilation = compilation;
    }

    /// <summary>The guard of <paramref name="action"/>, or null when its body does not start with one.</summary>
    public GuardShape? Read(IMethodSymbol action)
    {
        if (Body(action) is not { } body)
        {
            return null;
        }

        int statements = 0;
        for (int count = 1; count <= body.Operations.Length; count++)
        {
            var statement = body.Operations[count - 1];
            bool require = RequireCondition(statement) is not null;
            if (!require && !IsLocalDeclaration(statement) || !purity.Of(body.Operations.Take(count).ToList()).IsPure)
            {
                break;
            }

            statements = require ? count : statements;
        }

        return statements == 0 ? null : new GuardShape(statements, ParameterPrefix(action, body.Operations.Take(statements)));
    }

    /// <summary>The condition of a statement <c>Require(condition);</c>, or null for any other statement.</summary>
    public static IOperation? RequireCondition(IOperation statement) =>
        statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation }
        && invocation.TargetMethod.Name == "Require"
        && KnownSymbols.Is(invocation.TargetMethod.ContainingType, KnownSymbols.Spec)
        && invocation.Arguments.Length > 0
        && !invocation.Arguments.Skip(1).Any(a => a.ArgumentKind == ArgumentKind.Explicit)
            ? invocation.Arguments[0].Value
            : null;

    // `var x = ...;`, but not `using var`, and not a ref local (an alias of the state).
    private static bool IsLocalDeclaration(IOperation statement) =>
        statement is IVariableDeclarationGroupOperation group
        && group.Declarations.SelectMany(d => d.Declarators).All(d => !d.Symbol.IsRef);

    // One past the last parameter the guard reads: instances that agree on the parameters before it agree on the guard.
    private static int ParameterPrefix(IMethodSymbol action, IEnumerable<IOperation> guard)
    {
        int prefix = 0;
        foreach (var read in guard.SelectMany(s => s.DescendantsAndSelf()).OfType<IParameterReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(read.Parameter.ContainingSymbol?.OriginalDefinition, action.OriginalDefinition))
            {
                prefix = System.Math.Max(prefix, read.Parameter.Ordinal + 1);
            }
        }

        return prefix;
    }

    private IBlockOperation? Body(IMethodSymbol action)
    {
        action = action.PartialImplementationPart ?? action;
        if (action.DeclaringSyntaxReferences.Length != 1
            || action.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax { Body: { } body }
            || !compilation.ContainsSyntaxTree(body.SyntaxTree))
        {
            return null;
        }

#pragma warning disable RS1030 // Read once for both back ends; the generator has no operation blocks of its own.
        var semantics = compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
        return semantics.GetOperation(body) as IBlockOperation;
    }
}
