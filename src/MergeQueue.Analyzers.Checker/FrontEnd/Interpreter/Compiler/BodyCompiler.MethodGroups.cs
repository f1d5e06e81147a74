using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Method groups of library members and source helpers (<c>xs.Any(set.Contains)</c>, <c>xs.All(IsDone)</c>): each
/// is compiled as the lambda that calls it (<c>(int a0) => set.Contains(a0)</c>), bound where the group stands, so
/// every member the interpreter can call can also be passed.
/// </summary>
internal sealed partial class BodyCompiler
{
    private Expr MethodGroup(IDelegateCreationOperation operation, IAnonymousFunctionOperation standIn)
    {
        var outer = standInSite;
        standInSite = Loc(operation);
        try
        {
            var function = new CompiledFunction("method group", standIn.Symbol.Parameters.Length);
            bool consumed = ReferenceEquals(operation, consumedAtOnce);
            CompileNested(standIn.Symbol, function, standIn.Body, standIn.Symbol.ReturnType, escapes: !consumed);
            if (!consumed)
            {
                return frame => new Value(new Closure(function, frame));
            }

            int kept = scope.DeclareTemporary();
            return frame => frame.Slots[kept].Ref is Closure ? frame.Slots[kept] : frame.Slots[kept] = new Value(new Closure(function, frame));
        }
        finally
        {
            standInSite = outer;
        }
    }

    /// <summary>The lambda that calls the group's method with the delegate's parameters, bound at the group; null if none can be written.</summary>
    private static IAnonymousFunctionOperation? StandIn(IDelegateCreationOperation operation, IMethodReferenceOperation reference)
    {
        if (operation.Type is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke } delegateType
            || reference.Syntax is not ExpressionSyntax group
            || reference.SemanticModel is not { } semantics
            || invoke.Parameters.Any(p => p.RefKind != RefKind.None))
        {
            return null;
        }

        string parameters = string.Join(", ", invoke.Parameters.Select((p, i) => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " __mq" + i));
        string arguments = string.Join(", ", invoke.Parameters.Select((_, i) => "__mq" + i));
        var statement = SyntaxFactory.ParseStatement(
            delegateType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " __mq = (" + parameters + ") => " + group.WithoutTrivia() + "(" + arguments + ");");
        if (!semantics.TryGetSpeculativeSemanticModel(group.SpanStart, statement, out var speculative))
        {
            return null;
        }

        var lambda = statement.DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>().FirstOrDefault();
        return lambda is not null
            && speculative.GetOperation(lambda) is IAnonymousFunctionOperation standIn
            && !standIn.Descendants().Any(o => o is IInvalidOperation)
            ? standIn
            : null;
    }
}
