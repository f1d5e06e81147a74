using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>SM0102: gives a parameter without a domain a <c>[Range(0, 1)]</c> to edit.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRangeCodeFix)), Shared]
public sealed class AddRangeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ParameterWithoutDomainId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault() is not { } parameter)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add [Range(0, 1)]",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(AddRange((CompilationUnitSyntax)root, parameter))),
                equivalenceKey: nameof(AddRangeCodeFix)),
            context.Diagnostics);
    }

    private static SyntaxNode AddRange(CompilationUnitSyntax root, ParameterSyntax parameter)
    {
        var range = AttributeList(SingletonSeparatedList(
            Attribute(
                IdentifierName("Range"),
                AttributeArgumentList(SeparatedList(new[]
                {
                    AttributeArgument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(0))),
                    AttributeArgument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(1))),
                })))));
        var withRange = parameter
            .WithAttributeLists(parameter.AttributeLists.Insert(0, range.WithTrailingTrivia(Space)))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());
        var updated = root.ReplaceNode(parameter, withRange);

        // The attribute's short name needs the namespace in scope.
        const string Namespace = "MergeQueue.Analyzers";
        var imported = updated.Usings.Any(u => u.Name?.ToString() == Namespace && u.StaticKeyword.IsKind(SyntaxKind.None))
            || updated.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == Namespace || n.Usings.Any(u => u.Name?.ToString() == Namespace));
        return imported
            ? updated
            : updated.AddUsings(UsingDirective(ParseName(Namespace)).WithAdditionalAnnotations(Formatter.Annotation));
    }
}
