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
    private UsingsSpec? usings;

    /// <summary>
    /// The usings of the model's file, or null when its declarations span files or use extern aliases. A directive
    /// that does not compile is left out: the user's file already reports it, and the generated file would repeat it.
    /// </summary>
    private UsingsSpec? Usings(Compilation compilation)
    {
        var trees = type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct().ToList();
        if (trees.Count != 1 || trees[0].GetRoot() is not CompilationUnitSyntax unit || unit.Externs.Count > 0)
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
        if (action.Guard is not { } guard || usings is null || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax { Body: { } body } declaration)
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
        foreach (var statement in body.Statements.Take(guard.Statements))
        {
            if (statement is LocalDeclarationStatementSyntax)
            {
                steps.Add(new GuardStepSpec(statement.ToString(), null));
                continue;
            }

            var invocation = (InvocationExpressionSyntax)((ExpressionStatementSyntax)statement).Expression;
            var condition = invocation.ArgumentList.Arguments[0].Expression;
            int line = invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            steps.Add(new GuardStepSpec(condition.ToString(), "Require(" + OneLine(condition.ToString()) + ") is false (line " + line.ToString(CultureInfo.InvariantCulture) + ")"));
        }

        string parameters = string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + Identifier(p.Name)));
        return new GuardSpec(parameters, new EquatableArray<GuardStepSpec>(steps));
    }

    // As the front end: a condition split over lines reads the same on one line.
    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { ' ', '\n', '\r', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
}
