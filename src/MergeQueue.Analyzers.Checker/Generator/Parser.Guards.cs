using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Guards: a <c>Require</c> that is false throws, and exceptions dominate the cost of a compiled step. The guard the
/// front end decided (<see cref="GuardShape"/>) is copied into a method the adapter calls before copying the state.
/// </summary>
internal sealed partial class Parser
{
    private readonly Dictionary<IMethodSymbol, string?> helperGuardNames = new(SymbolEqualityComparer.Default);
    private readonly List<HelperGuardSpec> helperGuards = new();
    private UsingsSpec? usings;

    /// <summary>
    /// The usings of the model's file, or null when its declarations span files, use extern aliases or declare types
    /// only that file can name (<c>file class</c>), which code copied into the generated file could not. A directive
    /// that does not compile is left out: the user's file already reports it, and the generated file would repeat it.
    /// </summary>
    private UsingsSpec? Usings(Compilation compilation)
    {
        var trees = type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct().ToList();
        if (trees.Count != 1 || trees[0].GetRoot() is not CompilationUnitSyntax unit || unit.Externs.Count > 0
            || unit.DescendantNodes().OfType<MemberDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.FileKeyword)))
        {
            return null;
        }

        var model = compilation.GetSemanticModel(trees[0]);
        bool Compiles(UsingDirectiveSyntax directive) => !model.GetDiagnostics(directive.Span).Any(d => d.Severity == DiagnosticSeverity.Error);
        var inner = unit.Members.OfType<BaseNamespaceDeclarationSyntax>().SelectMany(n => n.Usings).Where(Compiles).Select(u => u.ToString());
        return new UsingsSpec(new EquatableArray<string>(unit.Usings.Where(Compiles).Select(u => u.ToString())), new EquatableArray<string>(inner));
    }

    private GuardSpec? Guard(ActionShape action, Compilation compilation)
    {
        var method = action.Method.PartialImplementationPart ?? action.Method;
        if (action.Guard is not { } guard || Steps(method, guard, compilation) is not { Count: > 0 } steps)
        {
            return null;
        }

        return new GuardSpec(Parameters(method), new EquatableArray<GuardStepSpec>(steps));
    }

    /// <summary>
    /// The statements of <paramref name="guard"/> as code: its own, then the call of the helper's guard method; null
    /// when they cannot be copied. A helper whose guard cannot be copied leaves its caller's guard without that call,
    /// which only tests fewer instances apart from their steps.
    /// </summary>
    private List<GuardStepSpec>? Steps(IMethodSymbol method, GuardShape guard, Compilation compilation)
    {
        if (usings is null || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not BaseMethodDeclarationSyntax declaration
            || ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body
            || (declaration.Body is null && guard.Statements > 0))
        {
            return null;
        }

        var model = compilation.GetSemanticModel(declaration.SyntaxTree);
        if (model.GetDiagnostics(body.Span).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // A copied statement would repeat the error in generated code.
            return null;
        }

        var steps = new List<GuardStepSpec>();
        foreach (var statement in declaration.Body?.Statements.Take(guard.Statements) ?? Enumerable.Empty<StatementSyntax>())
        {
            steps.Add(statement is LocalDeclarationStatementSyntax local
                ? new GuardStepSpec(CopiedDeclaration(method, local, compilation) ?? statement.ToString(), null)
                : RequireStep((InvocationExpressionSyntax)((ExpressionStatementSyntax)statement).Expression));
        }

        if (guard.Call is { Invocation.Syntax: InvocationExpressionSyntax call } && HelperGuard(guard.Call, compilation) is { } helper)
        {
            steps.Add(new GuardStepSpec(helper + call.ArgumentList, null) { CallsHelper = true });
        }

        steps.AddRange(guard.Later.Select(r => RequireStep((InvocationExpressionSyntax)((ExpressionStatementSyntax)r.Syntax).Expression)));
        return steps;
    }

    private static GuardStepSpec RequireStep(InvocationExpressionSyntax invocation)
    {
        var condition = invocation.ArgumentList.Arguments[0].Expression;
        int line = invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        return new GuardStepSpec(condition.ToString(), "Require(" + OneLine(condition.ToString()) + ") is false (line " + line.ToString(CultureInfo.InvariantCulture) + ")");
    }

    /// <summary>
    /// The initial constructor's guard (<see cref="ModelShape.ConstructorGuard"/>), tested before an instance is built
    /// (once one was, so that its field initializers are known to run): a combination it turns down costs no exception.
    /// </summary>
    private GuardSpec? InitialGuard(ModelShape shape, Compilation compilation) =>
        shape.Constructor is { } constructor && shape.ConstructorGuard > 0
        && Steps(constructor, new GuardShape(shape.ConstructorGuard, constructor.Parameters.Length), compilation) is { Count: > 0 } steps
            ? new GuardSpec(Parameters(constructor), new EquatableArray<GuardStepSpec>(steps))
            : null;

    /// <summary>The name of the generated method testing a helper's guard, written once per helper; null when it cannot be copied.</summary>
    private string? HelperGuard(GuardCall call, Compilation compilation)
    {
        var helper = call.Helper.OriginalDefinition;
        if (helperGuardNames.TryGetValue(helper, out string? known))
        {
            return known;
        }

        // Recursion ends: the shape stops reading a helper that reaches itself.
        helperGuardNames[helper] = null;
        if (Steps(helper, call.Guard, compilation) is not { Count: > 0 } steps)
        {
            return null;
        }

        string name = Emitter.HelperGuardMethod + helperGuards.Count.ToString(CultureInfo.InvariantCulture);
        helperGuards.Add(new HelperGuardSpec(name, new GuardSpec(Parameters(helper), new EquatableArray<GuardStepSpec>(steps))));
        helperGuardNames[helper] = name;
        return name;
    }

    private static string Parameters(IMethodSymbol method) =>
        string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + Identifier(p.Name)));

    // As the front end: a condition split over lines reads the same on one line.
    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { ' ', '\n', '\r', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
}
