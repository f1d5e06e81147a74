using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// C# gives each iteration of a loop its own copy of the variables declared in its body (and of a <c>foreach</c>
/// variable), so a lambda made in one iteration keeps that iteration's values. The interpreter keeps a function's
/// variables in one frame; a lambda that captures such a variable is given a copy of the frame as it is when the
/// lambda is made. The copy is exact when no captured variable is written after its declaration; otherwise the
/// lambda is refused (<see cref="Conflict"/>) rather than given another meaning.
/// </summary>
internal static class LoopCaptures
{
    /// <summary>Whether <paramref name="lambda"/> captures a variable that has one copy per loop iteration.</summary>
    public static bool CapturesIterationVariable(IAnonymousFunctionOperation lambda) =>
        Captured(lambda).Any(IsPerIteration);

    /// <summary>A captured variable written after its declaration, which a copied frame would not share; null if none.</summary>
    public static ILocalSymbol? Conflict(IAnonymousFunctionOperation lambda)
    {
        var captured = Captured(lambda).ToList();
        var root = (IOperation)lambda;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation step => step.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            if (target is ILocalReferenceOperation { Local: var local } && captured.Contains(local, SymbolEqualityComparer.Default))
            {
                return local;
            }

            if (target is IDeclarationExpressionOperation or ITupleOperation)
            {
                foreach (var part in target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (captured.Contains(part.Local, SymbolEqualityComparer.Default))
                    {
                        return part.Local;
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<ILocalSymbol> Captured(IAnonymousFunctionOperation lambda)
    {
        var span = lambda.Syntax.Span;
        return lambda.Body.Descendants()
            .OfType<ILocalReferenceOperation>()
            .Select(r => r.Local)
            .Where(local => local.DeclaringSyntaxReferences.All(d => !span.Contains(d.Span)))
            .Distinct(SymbolEqualityComparer.Default)
            .Cast<ILocalSymbol>();
    }

    private static bool IsPerIteration(ILocalSymbol local)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            SyntaxNode? from = null;
            for (var node = reference.GetSyntax(); node is not null; from = node, node = node.Parent)
            {
                bool perIteration = node switch
                {
                    // The foreach variable, a variable it deconstructs into, or one declared in its body.
                    CommonForEachStatementSyntax loop => from != loop.Expression,
                    ForStatementSyntax loop => from == loop.Statement,
                    WhileStatementSyntax loop => from == loop.Statement,
                    DoStatementSyntax loop => from == loop.Statement,
                    _ => false,
                };
                if (perIteration)
                {
                    return true;
                }

                if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
                {
                    break;
                }
            }
        }

        return false;
    }
}
