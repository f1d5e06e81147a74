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

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>
/// SM0002: when the state the model stops in is an intended final state, the model says so with a
/// <c>[Terminal]</c> member. The stub returns false, so the model stays stuck until the user writes the condition.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTerminalCodeFix)), Shared]
public sealed class AddTerminalCodeFix : CodeFixProvider
{
    private const string StubName = "IsFinished";

    private const string Stub = """
        /// <summary>The states in which it is fine that no action is enabled.</summary>
        [Terminal] bool IsFinished() => false; // true in the intended final states

        """;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.StuckId);

    // Fix All adds the stub to every stuck model of the scope; each diagnostic fixes its own class.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().FirstOrDefault() is not { } declaration)
        {
            return;
        }

        // The stub is there and the model is still stuck: a second one would not compile, the user has its body to write.
        if (declaration.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == StubName))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Add a [Terminal] member for the intended final states",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, AddStub(declaration)))),
                equivalenceKey: nameof(AddTerminalCodeFix)),
            context.Diagnostics);
    }

    private static ClassDeclarationSyntax AddStub(ClassDeclarationSyntax declaration)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(Stub)!.WithAdditionalAnnotations(Formatter.Annotation);
        return declaration.AddMembers(member);
    }
}
