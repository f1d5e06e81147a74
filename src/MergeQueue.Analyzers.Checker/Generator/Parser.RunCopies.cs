using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Copies of actions whose <c>Require</c>s the guard cannot test (after a write they read, in a <c>switch</c>, in a
/// helper that receives messages first): a false one throws, and an exception costs more than the rest of a step. In
/// the copy, each <c>Require(c);</c> statement becomes <c>{ if (!(c)) return "reason"; }</c>, each statement calling a
/// helper that has a copy returns that copy's reason (a helper's value comes back through an out parameter of its
/// copy), and the copy returns null at its end; everything else is the original text under a <c>#line</c> directive,
/// so it runs the same code in the same order, with the same lines in what it reports. A <c>Require</c> the copy
/// cannot reach (in a lambda, a local function, a <c>finally</c>) still throws, as do those of methods with a
/// <c>catch</c> (which could have caught the exception), an <c>out</c> parameter, type parameters, an iterator, or a
/// call that passes the caller's name.
/// </summary>
internal sealed partial class Parser
{
    private const string RunCopyMethod = "__MergeQueueRun";

    // The out parameter of a helper's copy that gives the helper's value.
    private const string ValueParameter = "__mergeQueueValue";

    private readonly Dictionary<IMethodSymbol, string?> runCopyNames = new(SymbolEqualityComparer.Default);
    private readonly List<RunCopySpec> runCopies = new();

    /// <summary>The name of the copy of <paramref name="method"/>, written once; null when it has none.</summary>
    private string? RunCopy(IMethodSymbol method, Compilation compilation)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (runCopyNames.TryGetValue(method, out string? known))
        {
            return known;
        }

        // While its body is read, a call back into it is left as it is.
        runCopyNames[method] = null;
        if (usings is null || !Copyable(method, compilation, out var declaration, out var body, out var semantics))
        {
            return null;
        }

        var copy = new CopyWriter(this, method, semantics, compilation);
        IEnumerable<SyntaxNode> statements = body is BlockSyntax ? body.DescendantNodesAndSelf(Reached).OfType<StatementSyntax>() : new[] { body };
        foreach (var node in statements)
        {
            copy.Visit(node);
        }

        // Nothing disables it but what throws already: the original serves.
        if (!copy.Disables)
        {
            return null;
        }

        string name = RunCopyMethod + runCopies.Count.ToString(CultureInfo.InvariantCulture);

        // The parameters as written (modifiers, defaults), without their attributes: the copy is not an action. A
        // helper's value comes back through an out parameter.
        var parameters = declaration.ParameterList.Parameters.Select(p => p.WithAttributeLists(default).ToString()).ToList();
        if (!method.ReturnsVoid)
        {
            parameters.Add("out " + method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + ValueParameter);
        }

        runCopies.Add(new RunCopySpec(name, method.IsStatic ? "static " : string.Empty, "(" + string.Join(", ", parameters) + ")", Rewritten(body, copy.Edits, !method.ReturnsVoid)));
        runCopyNames[method] = name;
        return name;
    }

    /// <summary>
    /// A guard's local declaration (<c>var picked = Pick(mask);</c>) with its helper's copy called instead, so that a
    /// false <c>Require</c> there returns its reason from the guard too; null when the helper has no copy.
    /// </summary>
    private string? CopiedDeclaration(IMethodSymbol method, LocalDeclarationStatementSyntax declaration, Compilation compilation)
    {
        var copy = new CopyWriter(this, method, compilation.GetSemanticModel(declaration.SyntaxTree), compilation);
        copy.Visit(declaration);
        return copy.Disables ? copy.Edits[0].Text : null;
    }

    /// <summary>The edits of one copy: its statements that disable, call a copy, or return.</summary>
    private sealed class CopyWriter(Parser parser, IMethodSymbol method, SemanticModel semantics, Compilation compilation)
    {
        public List<(TextSpan Span, string Text)> Edits { get; } = new();

        /// <summary>Whether some statement returns a reason: a Require's, or a copied callee's.</summary>
        public bool Disables { get; private set; }

        public void Visit(SyntaxNode node)
        {
            switch (node)
            {
                case ReturnStatementSyntax { Expression: null } done:
                    Edits.Add((done.Span, "return null;"));
                    break;
                case ReturnStatementSyntax { Expression: { } result } done when !method.ReturnsVoid:
                    // The helper's value, from a copied callee's own when it returns one of the same type.
                    Edits.Add((done.Span, Call(result, method.ReturnType, "out " + ValueParameter, "return null;")
                        ?? "{ " + ValueParameter + " = " + result + "; return null; }"));
                    break;
                case ExpressionStatementSyntax { Expression: var expression } statement:
                    if ((Require(statement, expression) ?? Call(expression, null, "out _", string.Empty)) is { } edit)
                    {
                        Edits.Add((statement.Span, edit));
                    }

                    break;
                case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, IsConst: false, Declaration: { Variables.Count: 1 } declaration } local
                    when declaration.Variables[0].Initializer?.Value is { } initial && declaration.Type is not RefTypeSyntax
                        && semantics.GetTypeInfo(declaration.Type).Type is { } declared:
                    // `var x = Helper(...);`: x becomes the copy's out variable, so it stays in scope (no block around it).
                    string name = declaration.Variables[0].Identifier.Text;
                    if (Call(initial, declared, "out " + declaration.Type + " " + name, string.Empty, "__mergeQueueReasonOf" + name) is { } call)
                    {
                        Edits.Add((local.Span, call.Substring(2, call.Length - 4)));
                    }

                    break;
                case InvocationExpressionSyntax expressionBody:
                    Edits.Add((expressionBody.Span, Require(expressionBody, expressionBody) ?? Call(expressionBody, null, "out _", string.Empty) ?? expressionBody + ";"));
                    break;
            }
        }

        // `Require(c)` as a statement: its reason returned when c is false.
        private string? Require(SyntaxNode statement, ExpressionSyntax expression)
        {
            if (expression is not InvocationExpressionSyntax invocation)
            {
                return null;
            }

            // An expression body's operation is the call; a statement's is the statement around it.
            var operation = statement is InvocationExpressionSyntax ? semantics.GetOperation(invocation)?.Parent : semantics.GetOperation(statement);
            if (operation is null || GuardReader.RequireCondition(operation) is not { } condition)
            {
                return null;
            }

            Disables = true;
            return "{ if (!(" + condition.Syntax + ")) return " + Emitter.Quote(RequireStep(invocation).Reason!) + "; }";
        }

        // A call of a helper of this model with a copy, as a block: the copy's reason returned, then `after`. A helper's
        // value goes to `value` (an out argument), which must then be of its exact type (`valueType`), or is dropped
        // (`out _`) when null. A declaration's copy is not a block, so its reason variable is named after the local.
        // Null for any other expression.
        private string? Call(ExpressionSyntax expression, ITypeSymbol? valueType, string value, string after, string reason = "__mergeQueueReason")
        {
            if (expression is not InvocationExpressionSyntax invocation
                || invocation.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
                || semantics.GetSymbolInfo(invocation).Symbol is not IMethodSymbol callee
                || !parser.IsOwnMethod(callee)
                || (valueType is not null && (callee.ReturnsVoid || !SymbolEqualityComparer.Default.Equals(valueType, callee.ReturnType)))
                || parser.RunCopy(callee, compilation) is not { } copy)
            {
                return null;
            }

            Disables = true;
            var arguments = invocation.ArgumentList.Arguments.Select(a => a.ToString());
            // The value's out argument is named: the call's own arguments may be named out of their positions.
            string call = copy + "(" + string.Join(", ", callee.ReturnsVoid ? arguments : arguments.Concat(new[] { ValueParameter + ": " + value })) + ")";
            return "{ var " + reason + " = " + call + "; if (" + reason + " != null) return " + reason + "; " + (after.Length > 0 ? after + " " : string.Empty) + "}";
        }
    }

    // A method of this model that can be copied: parameters by value or by ref, a value (if any) not by ref, and when it
    // has one a block body and no optional or params parameter (its out parameter comes last), in the model's one file,
    // with no unsafe code (the generated class is not declared unsafe).
    private bool Copyable(IMethodSymbol method, Compilation compilation, out MethodDeclarationSyntax declaration, out SyntaxNode body, out SemanticModel semantics)
    {
        declaration = null!;
        body = null!;
        semantics = null!;
        if (method is not { MethodKind: MethodKind.Ordinary, ReturnsByRef: false, ReturnsByRefReadonly: false, IsGenericMethod: false, IsAsync: false, IsExtern: false, IsAbstract: false }
            || method.Parameters.Any(p => p.RefKind == RefKind.Out)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax found
            || ((SyntaxNode?)found.Body ?? found.ExpressionBody?.Expression) is not { } foundBody
            || !type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == found.SyntaxTree)
            || foundBody.ContainsDirectives
            || found.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().Any(m => m.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            || foundBody.DescendantNodes().Any(n => n is UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax or FunctionPointerTypeSyntax)
            || foundBody.DescendantNodes().Any(n => n is CatchClauseSyntax or YieldStatementSyntax)
            || (!method.ReturnsVoid && (found.Body is null || method.Parameters.Any(p => p.IsParams || p.IsOptional))))
        {
            return false;
        }

        semantics = compilation.GetSemanticModel(found.SyntaxTree);
        if (semantics.GetDiagnostics(foundBody.Span).Any(d => d.Severity == DiagnosticSeverity.Error) || PassesCallerName(foundBody, semantics))
        {
            return false;
        }

        declaration = found;
        body = foundBody;
        return true;
    }

    private bool IsOwnMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition);

    // A callee that takes its caller's name would be told the copy's.
    private static bool PassesCallerName(SyntaxNode body, SemanticModel semantics) =>
        body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
            semantics.GetSymbolInfo(call).Symbol is IMethodSymbol callee
            && callee.Parameters.Any(p => p.GetAttributes().Any(a => a.AttributeClass?.Name == "CallerMemberNameAttribute")));

    // The statements the copy's own control flow reaches: not those of lambdas, local functions or finally clauses.
    private static bool Reached(SyntaxNode node) =>
        node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or FinallyClauseSyntax);

    // The body as a block with the edits applied, returning null at its end, under the original's file and lines.
    private static string Rewritten(SyntaxNode body, List<(TextSpan Span, string Text)> edits, bool value)
    {
        var text = body.ToString();
        int start = body.SpanStart;
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
        {
            text = text.Substring(0, span.Start - start) + replacement + text.Substring(span.End - start);
        }

        // A helper's value is set first, so that every path sets it; an expression body (`=> Goto(...)`) is one statement.
        text = body is BlockSyntax
            ? "{ " + (value ? ValueParameter + " = default; " : string.Empty) + text.Substring(1, text.Length - 2) + " return null; }"
            : "{ " + text + " return null; }";
        // Where the original's own Caller* arguments point, under any #line of the model's file.
        var lines = body.GetLocation().GetMappedLineSpan();
        string file = lines.Path.Length == 0 || lines.Path.IndexOf('"') >= 0 ? string.Empty : " \"" + lines.Path + "\"";
        return "#line " + (lines.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + file + "\n" + text + "\n#line default";
    }
}
