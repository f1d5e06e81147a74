using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Whether a <c>Require</c> condition can be tested apart from its action: a guard (generated, or the interpreter's)
/// runs it on the stored (or last decoded) state, so it must write nothing. A condition qualifies when it assigns nothing and calls only
/// the model's own methods and properties that qualify in turn, or library members whose row in
/// <see cref="LibraryMembers"/> writes nothing. Anything else keeps the <c>Require</c> in the body, where
/// the step runs it on its own copy.
/// </summary>
internal sealed class GuardPurity
{
    private readonly Compilation compilation;
    private readonly INamedTypeSymbol model;
    private readonly HashSet<ISymbol> visiting = new(SymbolEqualityComparer.Default);

    internal GuardPurity(Compilation compilation, INamedTypeSymbol model)
    {
        this.compilation = compilation;
        this.model = model;
    }

    /// <summary>True when evaluating <paramref name="condition"/> can write no state.</summary>
    internal bool IsPure(ExpressionSyntax condition, SemanticModel semantics) => IsPureNode(condition, semantics);


    private bool IsPureNode(SyntaxNode node, SemanticModel semantics)
    {
        foreach (var part in node.DescendantNodesAndSelf())
        {
            if (part is AwaitExpressionSyntax or StackAllocArrayCreationExpressionSyntax)
            {
                return false;
            }

            // Writing a variable of the running function (a loop counter, an accumulator) writes no state.
            if (WrittenPlace(part) is { } written && !IsOwnVariable(written, semantics))
            {
                return false;
            }

            if (part is InvocationExpressionSyntax invocation
                && (semantics.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !IsPureMember(method)))
            {
                return false;
            }

            if (MethodGroup(part, semantics) is { } group && !IsPureMember(group))
            {
                return false;
            }

            if (part is IdentifierNameSyntax or MemberAccessExpressionSyntax
                && semantics.GetSymbolInfo(part).Symbol is IPropertySymbol property
                && property.GetMethod is { } getter
                && !IsPureMember(getter))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What an assignment, increment or <c>ref</c>/<c>out</c> argument writes; null for anything else.</summary>
    private static ExpressionSyntax? WrittenPlace(SyntaxNode part) => part switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left,
        PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression) => unary.Operand,
        PostfixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.PostIncrementExpression) || unary.IsKind(SyntaxKind.PostDecrementExpression) => unary.Operand,
        ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
        _ => null,
    };

    // A local or a by-value parameter, a fresh `out var`, or a tuple of those: the function's own variables.
    private static bool IsOwnVariable(ExpressionSyntax place, SemanticModel semantics) => place switch
    {
        DeclarationExpressionSyntax => true,
        TupleExpressionSyntax tuple => tuple.Arguments.All(a => IsOwnVariable(a.Expression, semantics)),
        IdentifierNameSyntax => semantics.GetSymbolInfo(place).Symbol is ILocalSymbol { IsRef: false } or IParameterSymbol { RefKind: RefKind.None } or IDiscardSymbol,
        _ => false,
    };

    /// <summary>The method of a method group passed on (<c>items.Remove</c> in <c>xs.Any(items.Remove)</c>), which runs when the callee calls it.</summary>
    private static IMethodSymbol? MethodGroup(SyntaxNode part, SemanticModel semantics)
    {
        if (part is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
            || part.Parent is InvocationExpressionSyntax { Expression: var invoked } && invoked == part
            || part.Parent is MemberAccessExpressionSyntax { Name: var name } && name == part)
        {
            // Not a group, an invoked method (checked as the invocation), or the name inside `items.Remove`.
            return null;
        }

        var info = semantics.GetSymbolInfo(part);
        return (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IMethodSymbol;
    }

    private bool IsPureMember(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (method.MethodKind == MethodKind.LambdaMethod || method.MethodKind == MethodKind.LocalFunction)
        {
            // Its body is part of the condition's syntax, checked there.
            return method.MethodKind == MethodKind.LambdaMethod;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, model.OriginalDefinition))
        {
            return IsPureSource(method);
        }

        if (method is { IsStatic: true, MethodKind: MethodKind.Ordinary } && !method.DeclaringSyntaxReferences.IsEmpty)
        {
            // A static helper or extension method in source: its body decides, as the model's own.
            return IsPureSource(method);
        }

        if (!method.DeclaringSyntaxReferences.IsEmpty || method.AssociatedSymbol?.DeclaringSyntaxReferences.IsEmpty == false)
        {
            // Instance members of other source types (records): auto-property getters read only; a member no override
            // can replace (not virtual, abstract, an override or an interface's) is decided by its body.
            if (method is { IsVirtual: false, IsAbstract: false, IsOverride: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet }
                && method.ContainingType is { TypeKind: not TypeKind.Interface })
            {
                return IsPureSource(method);
            }

            return method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol { IsReadOnly: true } property
                && property.DeclaringSyntaxReferences.All(r => r.GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } list }
                    && list.Accessors.All(a => a.Body is null && a.ExpressionBody is null));
        }

        // Counts, lengths and other getters of library types read only; of the methods, those the library table says write nothing.
        return method.MethodKind == MethodKind.PropertyGet || LibraryMembers.Find(method) is { ReadsOnly: true };
    }

    private bool IsPureSource(IMethodSymbol method)
    {
        if (!visiting.Add(method))
        {
            // Recursion: the other calls decide.
            return true;
        }

        try
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var semantics = compilation.GetSemanticModel(syntax.SyntaxTree);
                if (syntax is AccessorDeclarationSyntax { Body: null, ExpressionBody: null } or ParameterSyntax)
                {
                    // An auto-property's getter, or a positional record's property.
                    continue;
                }

                SyntaxNode? body = syntax switch
                {
                    MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                    AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
                    ArrowExpressionClauseSyntax arrow => arrow,
                    _ => null,
                };

                if (body is null || !IsPureNode(body, semantics))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            visiting.Remove(method);
        }
    }
}
