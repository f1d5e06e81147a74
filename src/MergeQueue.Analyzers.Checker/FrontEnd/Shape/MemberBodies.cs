using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// The operations of a method's or accessor's body, bound from its syntax: the generator has no operation blocks of
/// its own, and the analyzer's blocks hold the model's members only, not those it calls.
/// </summary>
internal static class MemberBodies
{
    /// <summary>One operation per declaration of <paramref name="method"/> with a body in <paramref name="compilation"/>.</summary>
    public static IEnumerable<IOperation> Of(Compilation compilation, IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow,
                _ => null,
            };
            if (body is null || !compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // A callee's operations are not among the model's operation blocks; only its own tree is bound.
            var semantics = compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            if (semantics.GetOperation(body) is { } operation)
            {
                yield return operation;
            }
        }
    }
}
