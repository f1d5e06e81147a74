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

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>SM0111: adds <c>partial</c> to the model class, so the generator can add <c>Explore()</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotPartialId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault() is not { } declaration)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Make the class partial",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword))))),
                equivalenceKey: nameof(MakePartialCodeFix)),
            context.Diagnostics);
    }
}
