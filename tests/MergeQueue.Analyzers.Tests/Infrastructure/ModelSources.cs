using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Builds a <see cref="ModelSource"/> from a test compilation the way the analyzer driver does: one entry per
/// owning symbol, holding the operation blocks of its declarations (bodies, accessors, initializers).
/// </summary>
internal static class ModelSources
{
    public static ModelSource For(Compilation compilation, string typeName)
    {
        var type = compilation.GetTypeByMetadataName(typeName)
            ?? throw new KeyNotFoundException("The test compilation has no type '" + typeName + "'.");
        var bodies = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                foreach (var (owner, block) in Blocks(member, syntax))
                {
                    if (model.GetOperation(block) is { } operation)
                    {
                        Add(bodies, owner, operation);
                    }
                }
            }
        }

        return new ModelSource(
            type,
            compilation,
            bodies.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), SymbolEqualityComparer.Default));
    }

    /// <summary>The model in <paramref name="sources"/> named <paramref name="typeName"/>, compiled by the front end.</summary>
    public static CompiledModel Compile(string typeName, params string[] sources) =>
        Compile(TestCompilation.Create(sources), typeName);

    public static CompiledModel Compile(Compilation compilation, string typeName) =>
        ModelCompiler.Compile(For(compilation, typeName), default);

    private static IEnumerable<(ISymbol Owner, SyntaxNode Block)> Blocks(ISymbol member, SyntaxNode syntax)
    {
        switch (syntax)
        {
            case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                yield return (member, method);
                break;
            case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                yield return (member, accessor);
                break;
            case ArrowExpressionClauseSyntax arrow when member is IMethodSymbol:
                // An expression-bodied property: the driver hands its getter over as a block.
                yield return (member, arrow);
                break;
            case PropertyDeclarationSyntax { Initializer: { } initializer }:
                yield return (member, initializer);
                break;
            case VariableDeclaratorSyntax { Initializer: { } fieldInitializer }:
                yield return (member, fieldInitializer);
                break;
        }
    }

    private static void Add(Dictionary<ISymbol, List<IOperation>> bodies, ISymbol owner, IOperation operation)
    {
        if (!bodies.TryGetValue(owner, out var list))
        {
            bodies.Add(owner, list = new List<IOperation>());
        }

        list.Add(operation);
    }
}
