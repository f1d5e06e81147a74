using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Decides each action's guard once, for both back ends: a false <c>Require</c> costs an exception in generated code
/// and a whole step in the interpreter, while a guard tested on the stored state costs a branch. The guard is the
/// longest run of leading local declarations and <c>Require</c>s that writes nothing (<see cref="Purity"/>), cut after
/// its last <c>Require</c>; the locals before a <c>Require</c> (<c>var msg = ...; Require(network.Contains(msg));</c>)
/// are part of it. When the statement after that run calls a helper of the model whose own body starts with a guard
/// (<c>Goto(self, Pc.A0, Pc.A1)</c>, a PlusCal label's usual writing), that guard, on the call's arguments, ends it.
/// The <c>Require</c>s after it that read nothing the statements before them store (<see cref="LaterRequires"/>) are
/// tested with it.
/// </summary>
internal sealed class GuardReader
{
    private readonly Purity purity;
    private readonly Compilation compilation;

    public GuardReader(Purity purity, Compilation compilation)
    {
        this.purity = purity;
        this.compilation = compilation;
    }

    /// <summary>The guard of <paramref name="action"/>, or null when its body does not start with one.</summary>
    public GuardShape? Read(IMethodSymbol action) => Read(action, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    private GuardShape? Read(IMethodSymbol method, HashSet<IMethodSymbol> reading)
    {
        if (Body(method) is not { } body || !reading.Add(method.OriginalDefinition))
        {
            return null;
        }

        int statements = Leading(body.Operations, _ => true, out int end);
        GuardCall? call = null;

        // A helper's leading Requires guard its caller too (`Goto(self, Pc.A0, Pc.A1)`): the locals before the call
        // stay, as its arguments may read them.
        if (end < body.Operations.Length && !IsGuardStatement(body.Operations[end])
            && HelperCall(method, body.Operations[end]) is { } invocation
            && purity.Of(body.Operations.Take(end).Concat(invocation.Arguments.Select(a => a.Value)).ToList()).IsPure
            && Read(invocation.TargetMethod, reading) is { } helperGuard)
        {
            statements = end;
            call = new GuardCall(invocation, invocation.TargetMethod, helperGuard);
        }

        var own = body.Operations.Take(statements).ToList();
        var helperStores = call is null ? null : HelperStores(call);
        var later = LaterRequires.Read(
            method.ContainingType,
            own.Select(RequireCondition).OfType<IOperation>(),
            body.Operations.Skip(statements),
            require => purity.Of(own.Append(require).ToList()).IsPure,
            statement => call is not null && statement is IExpressionStatementOperation { Operation: var called } && called == call.Invocation ? helperStores : null);
        reading.Remove(method.OriginalDefinition);
        if (statements == 0 && call is null && later.Count == 0)
        {
            return null;
        }

        // Of the call's arguments, only those bound to parameters the helper's guard reads are read by this guard.
        var arguments = call?.Invocation.Arguments.Where(a => a.Parameter is { } p && p.Ordinal < call.Guard.ParameterPrefix) ?? Enumerable.Empty<IArgumentOperation>();
        var read = own.Concat(arguments).Concat(later);
        return new GuardShape(statements, ParameterPrefix(method, read)) { Call = call, Later = later };
    }

    /// <summary>
    /// How many of the initial constructor's statements are its guard: its leading local declarations and
    /// <c>Require</c>s, up to the last <c>Require</c>, that write nothing and read nothing of the instance (they can be
    /// tested before it is built); 0 when it chains to another constructor, whose body would run first.
    /// </summary>
    public int ConstructorGuard(IMethodSymbol constructor) =>
        Body(constructor) is { } body && constructor.DeclaringSyntaxReferences[0].GetSyntax() is ConstructorDeclarationSyntax { Initializer: null }
            ? Leading(body.Operations, statement => !statement.DescendantsAndSelf().Any(o => o is IInstanceReferenceOperation), out _)
            : 0;

    // The leading local declarations and Requires that write nothing and are `allowed`, cut after the last Require;
    // `end` is the first statement not taken.
    private int Leading(ImmutableArray<IOperation> operations, System.Func<IOperation, bool> allowed, out int end)
    {
        int statements = 0;
        for (end = 0; end < operations.Length; end++)
        {
            var statement = operations[end];
            if (!IsGuardStatement(statement) || !allowed(statement) || !purity.Of(operations.Take(end + 1).ToList()).IsPure)
            {
                break;
            }

            statements = RequireCondition(statement) is not null ? end + 1 : statements;
        }

        return statements;
    }

    private static bool IsGuardStatement(IOperation statement) => RequireCondition(statement) is not null || IsLocalDeclaration(statement);

    // The fields the helper a guard ends with stores after its own guard, when the later Requires may be tested past them.
    private IReadOnlyCollection<IFieldSymbol>? HelperStores(GuardCall call)
    {
        if (call.Guard.Call is not null || Body(call.Helper) is not { } body)
        {
            return null;
        }

        var own = body.Operations.Take(call.Guard.Statements).Select(RequireCondition).OfType<IOperation>();
        var later = call.Guard.Later.Select(RequireCondition).OfType<IOperation>();
        return LaterRequires.Stores(call.Helper.ContainingType, own.Concat(later), body.Operations.Skip(call.Guard.Statements), call.Guard.Later.Select(r => r.Syntax).ToList());
    }

    // `Helper(arguments);` on this model, by value, every argument written out: the helper's guard reads its own
    // parameters, which the generated code binds to the same argument text.
    private static IInvocationOperation? HelperCall(IMethodSymbol caller, IOperation statement) =>
        statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation }
        && invocation.Instance is null or IInstanceReferenceOperation
        && invocation.TargetMethod is { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsVirtual: false, IsAbstract: false, IsOverride: false, IsExtern: false } target
        && SymbolEqualityComparer.Default.Equals(target.ContainingType.OriginalDefinition, caller.ContainingType.OriginalDefinition)
        && target.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams)
        && invocation.Arguments.All(a => a.ArgumentKind == ArgumentKind.Explicit)
            ? invocation
            : null;

    /// <summary>The condition of a statement <c>Require(condition);</c>, or null for any other statement.</summary>
    public static IOperation? RequireCondition(IOperation statement) =>
        statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation }
        && invocation.TargetMethod.Name == "Require"
        && KnownSymbols.Is(invocation.TargetMethod.ContainingType, KnownSymbols.Spec)
        && invocation.Arguments.Length > 0
        && !invocation.Arguments.Skip(1).Any(a => a.ArgumentKind == ArgumentKind.Explicit)
            ? invocation.Arguments[0].Value
            : null;

    // `var x = ...;`, but not `using var`, and not a ref local (an alias of the state).
    private static bool IsLocalDeclaration(IOperation statement) =>
        statement is IVariableDeclarationGroupOperation group
        && group.Declarations.SelectMany(d => d.Declarators).All(d => !d.Symbol.IsRef);

    // One past the last parameter the guard reads: instances that agree on the parameters before it agree on the guard.
    private static int ParameterPrefix(IMethodSymbol action, IEnumerable<IOperation> guard)
    {
        int prefix = 0;
        foreach (var read in guard.SelectMany(s => s.DescendantsAndSelf()).OfType<IParameterReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(read.Parameter.ContainingSymbol?.OriginalDefinition, action.OriginalDefinition))
            {
                prefix = System.Math.Max(prefix, read.Parameter.Ordinal + 1);
            }
        }

        return prefix;
    }

    private IBlockOperation? Body(IMethodSymbol action)
    {
        action = action.PartialImplementationPart ?? action;
        if (action.DeclaringSyntaxReferences.Length != 1
            || action.DeclaringSyntaxReferences[0].GetSyntax() is not BaseMethodDeclarationSyntax declaration
            || ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is not { } body
            || !compilation.ContainsSyntaxTree(body.SyntaxTree))
        {
            return null;
        }

#pragma warning disable RS1030 // Read once for both back ends; the generator has no operation blocks of its own.
        var semantics = compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
        return semantics.GetOperation(body) as IBlockOperation;
    }
}
