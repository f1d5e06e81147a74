using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>
/// SM0001–SM0004, SM0008: turns the counterexample into an xunit test that replays it through the model's generated
/// <c>ValidateTrace</c> and fails while the replay meets a violation, so a bug the checker found stays found once
/// fixed. The test goes into a project that references xunit and the model's project (or the model's own project).
/// A liveness trace is offered only when it ends where no action is enabled: replaying a cycle once does not show it.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddRegressionTestCodeFix)), Shared]
public sealed class AddRegressionTestCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvariantViolatedId,
        DiagnosticDescriptors.StuckId,
        DiagnosticDescriptors.LivenessViolatedId,
        DiagnosticDescriptors.ExecutionFailedId,
        DiagnosticDescriptors.StepInvariantViolatedId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semantic = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().LastOrDefault() is not { } declaration
            || semantic?.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol model)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            // A liveness counterexample shows in a replay only when it ends where nothing can happen: the replay's last
            // state is then stuck. One that cycles, or idles beside unfair actions, needs the fairness the replay lacks.
            if (CounterexampleTrace.Read(message) is not { IsLasso: false } trace
                || (diagnostic.Id == DiagnosticDescriptors.LivenessViolatedId && !trace.EndsWithNoAction))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a regression test that replays this counterexample",
                    token => AddTestAsync(context.Document, model, diagnostic.Id, message, trace, token),
                    equivalenceKey: nameof(AddRegressionTestCodeFix) + diagnostic.Id),
                diagnostic);
        }
    }

    private static Task<Solution> AddTestAsync(Document document, INamedTypeSymbol model, string id, string message, CounterexampleTrace trace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var solution = document.Project.Solution;
        var target = solution.Projects.FirstOrDefault(p => p.Id != document.Project.Id && ReferencesXunit(p) && p.ProjectReferences.Any(r => r.ProjectId == document.Project.Id))
            ?? document.Project;
        string className = model.Name + id + "RegressionTests";
        string fileName = className + ".cs";
        int suffix = 2;
        while (target.Documents.Any(d => d.Name == fileName))
        {
            fileName = className + suffix++ + ".cs";
        }

        var newDocument = target.AddDocument(fileName, RegressionTestText.For(model, id, message.Split('\n')[0].TrimEnd('\r'), trace, fileName.Substring(0, fileName.Length - 3)));
        return Task.FromResult(newDocument.Project.Solution);
    }

    private static bool ReferencesXunit(Project project) =>
        project.MetadataReferences.OfType<PortableExecutableReference>().Any(r => r.FilePath is { } path && System.IO.Path.GetFileName(path).StartsWith("xunit", System.StringComparison.OrdinalIgnoreCase));
}
