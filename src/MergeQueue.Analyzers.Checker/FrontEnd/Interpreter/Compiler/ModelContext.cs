using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// What every body of one model is compiled against: the state layout, the static values, and the model's methods,
/// compiled on first use (so only code a model can run must be interpretable).
/// </summary>
internal sealed class ModelContext
{
    private readonly Dictionary<IFieldSymbol, int> fieldSlots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IPropertySymbol, int> autoProperties = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IFieldSymbol, int> staticSlots = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, CompiledFunction?> helperGuards = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IPropertySymbol, int> staticProperties = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, CompiledFunction> functions = new(SymbolEqualityComparer.Default);
    private readonly Queue<System.Action> pending = new();
    private readonly Dictionary<ISymbol, SourceStatic?> sourceStatics = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ParameterUses> parameterUses = new(SymbolEqualityComparer.Default);

    public ModelContext(ModelShape shape, ModelSource source, TypeMapper types, ModelDiagnostics diagnostics)
    {
        Shape = shape;
        Source = source;
        Types = types;
        Diagnostics = diagnostics;
        for (int i = 0; i < shape.Fields.Count; i++)
        {
            fieldSlots.Add(shape.Fields[i].Symbol, i);
            if (shape.Fields[i].Symbol.AssociatedSymbol is IPropertySymbol property)
            {
                autoProperties.Add(property, i);
            }
        }

        for (int i = 0; i < shape.Statics.Count; i++)
        {
            staticSlots.Add(shape.Statics[i], i);
            if (shape.Statics[i].AssociatedSymbol is IPropertySymbol property)
            {
                staticProperties.Add(property, i);
            }
        }

        Layout = new StateLayout(shape.Fields.Select(f => f.Name).ToList(), shape.Fields.Select(f => f.Type).ToArray())
        {
            Statics = new Value[shape.Statics.Count],
            StepsMayShare = StepSharing.MayShare(source.Compilation, shape.Type),
        };
        ActionMethods = new HashSet<IMethodSymbol>(shape.Actions.Select(a => a.Method), SymbolEqualityComparer.Default);
    }

    public ModelShape Shape { get; }

    public ModelSource Source { get; }

    public TypeMapper Types { get; }

    public ModelDiagnostics Diagnostics { get; }

    public StateLayout Layout { get; }

    public HashSet<IMethodSymbol> ActionMethods { get; }

    public bool IsModel(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, Shape.Type);

    public bool TryGetField(IFieldSymbol field, out int slot) => fieldSlots.TryGetValue(field.OriginalDefinition, out slot);

    public bool TryGetAutoProperty(IPropertySymbol property, out int slot) => autoProperties.TryGetValue(property.OriginalDefinition, out slot);

    public bool TryGetStatic(IFieldSymbol field, out int slot) => staticSlots.TryGetValue(field.OriginalDefinition, out slot);

    public bool TryGetStaticProperty(IPropertySymbol property, out int slot) => staticProperties.TryGetValue(property.OriginalDefinition, out slot);

    /// <summary>What the body of <paramref name="method"/> does with its parameters (see <see cref="ParameterUses"/>).</summary>
    public ParameterUses ParameterUsesOf(IMethodSymbol method)
    {
        method = ParameterUses.Owner(method);
        if (!parameterUses.TryGetValue(method, out var uses))
        {
            uses = parameterUses[method] = new ParameterUses();
        }

        return uses;
    }

    /// <summary>The compiled form of a model method or accessor, or null (reported) when its body is not available.</summary>
    public CompiledFunction? Function(IMethodSymbol method, Location useSite)
    {
        method = method.PartialImplementationPart ?? method;
        if (functions.TryGetValue(method, out var function))
        {
            return function;
        }

        if (BodyOf(method) is null)
        {
            Diagnostics.Unsupported(useSite, "the call to '" + method.ToDisplayString() + "' (its body is not available)");
            return null;
        }

        function = new CompiledFunction(method.ToDisplayString(), method.Parameters.Length);
        functions.Add(method, function);
        var compiled = function;
        pending.Enqueue(() => new BodyCompiler(this).CompileMethod(method, compiled));
        return function;
    }

    /// <summary>
    /// A static field or auto-property of a type of the source other than the model (<c>Vertex.Genesis</c>), computed
    /// from its initializer on first read; null when it has no initializer the checker can see.
    /// </summary>
    public SourceStatic? StaticOf(ISymbol member)
    {
        member = member.OriginalDefinition;
        if (sourceStatics.TryGetValue(member, out var known))
        {
            return known;
        }

        SourceStatic? result = null;
        var declared = member is IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true, IsConst: false }
            && !IsModel(member.ContainingType)
            ? member.DeclaringSyntaxReferences.FirstOrDefault(r => Source.Compilation.ContainsSyntaxTree(r.SyntaxTree))
            : null;
        var initializer = declared?.GetSyntax() switch
        {
            VariableDeclaratorSyntax variable => variable.Initializer,
            PropertyDeclarationSyntax { AccessorList: not null } property => property.Initializer,
            _ => null,
        };
        if (initializer is not null)
        {
#pragma warning disable RS1030 // The initializer is not among the model's operation blocks; only its own tree is bound.
            var semantics = Source.Compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
            if (semantics.GetOperation(initializer) is ISymbolInitializerOperation operation)
            {
                var function = new CompiledFunction(member.ContainingType.Name + "." + member.Name + " initializer", 0);
                result = new SourceStatic(function);
                pending.Enqueue(() => new BodyCompiler(this).CompileValue(operation.Value, member, function));
            }
        }

        sourceStatics.Add(member, result);
        return result;
    }

    /// <summary>
    /// The guard of an action as the shape decided it (see <see cref="BodyCompiler.CompileGuard"/>), or null when it
    /// has none; and the rest of its body (its guard's <c>Require</c>s left out) when they write no variable it could use.
    /// </summary>
    public (CompiledFunction Test, CompiledFunction? AfterGuard)? Guard(ActionShape action)
    {
        var method = action.Method;
        if (action.Guard is not { } guard || BodyOf(method) is not IBlockOperation block || block.Operations.Length < guard.Statements)
        {
            return null;
        }

        var statements = block.Operations.Take(guard.Statements).ToList();
        var test = new CompiledFunction(method.ToDisplayString() + " guard", method.Parameters.Length);
        new BodyCompiler(this).CompileGuard(method, statements, guard.Call, Own(block, guard.Later), test);
        var conditions = statements.Select(GuardReader.RequireCondition).Where(c => c is not null).ToList();
        if (conditions.Any(c => c!.DescendantsAndSelf().Any(o => o is IAssignmentOperation or IIncrementOrDecrementOperation or IDeclarationExpressionOperation
            or IDeclarationPatternOperation or IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out })))
        {
            return (test, null);
        }

        // A helper the guard ends with runs again in the step: its Requires hold, and its writes follow them.
        var rest = new CompiledFunction(method.ToDisplayString() + " after its guard", method.Parameters.Length);
        new BodyCompiler(this).CompileMethod(method, rest, block.Operations.Where((s, i) => i >= guard.Statements || GuardReader.RequireCondition(s) is null));
        return (test, rest);
    }

    /// <summary>
    /// The guard of a helper a guard ends with (<see cref="GuardCall"/>), compiled once however many actions call it;
    /// null when its body is not what the shape read.
    /// </summary>
    public CompiledFunction? HelperGuard(GuardCall call)
    {
        if (helperGuards.TryGetValue(call.Helper, out var known))
        {
            return known;
        }

        CompiledFunction? function = null;
        if (BodyOf(call.Helper) is IBlockOperation block && block.Operations.Length > call.Guard.Statements)
        {
            function = new CompiledFunction(call.Helper.ToDisplayString() + " guard", call.Helper.Parameters.Length);
            helperGuards.Add(call.Helper, function);
            new BodyCompiler(this).CompileGuard(call.Helper, block.Operations.Take(call.Guard.Statements).ToList(), call.Guard.Call, Own(block, call.Guard.Later), function);
        }

        helperGuards[call.Helper] = function;
        return function;
    }

    // The shape's statements as this body's operations, whose locals are the ones the guard's declarations bind.
    private static IReadOnlyList<IOperation> Own(IBlockOperation block, IReadOnlyList<IOperation> statements) =>
        block.Operations.Where(o => statements.Any(s => s.Syntax == o.Syntax)).ToList();

    /// <summary>Compiles the bodies of every function used so far, and of those they use.</summary>
    public void CompilePending()
    {
        while (pending.Count > 0)
        {
            pending.Dequeue()();
        }
    }

    /// <summary>The operation block of a method's body, unwrapped from what the analyzer driver may hand over.</summary>
    public IOperation? BodyOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        foreach (var block in Blocks(method))
        {
            switch (block)
            {
                case IMethodBodyOperation body:
                    return (IOperation?)body.BlockBody ?? body.ExpressionBody;
                case IConstructorBodyOperation body:
                    return (IOperation?)body.BlockBody ?? (IOperation?)body.ExpressionBody ?? body;
                case IBlockOperation:
                    return block;
            }
        }

        return null;
    }

    /// <summary>The initializer of a field or auto-property (<c>int time = 1;</c>).</summary>
    public ISymbolInitializerOperation? InitializerOf(ISymbol member)
    {
        foreach (var block in Blocks(member))
        {
            if (block is IFieldInitializerOperation or IPropertyInitializerOperation)
            {
                return (ISymbolInitializerOperation)block;
            }
        }

        return null;
    }

    /// <summary>A constructor's <c>: this(...)</c> call, when the driver hands it over as a block of its own.</summary>
    public IInvocationOperation? ConstructorInitializer(IMethodSymbol constructor)
    {
        foreach (var block in Blocks(constructor))
        {
            switch (block)
            {
                case IConstructorBodyOperation body:
                    return body.Initializer as IInvocationOperation ?? (body.Initializer as IExpressionStatementOperation)?.Operation as IInvocationOperation;
                case IInvocationOperation invocation:
                    return invocation;
                case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } statement }:
                    return statement;
            }
        }

        return null;
    }

    private IEnumerable<IOperation> Blocks(ISymbol symbol)
    {
        foreach (var key in Keys(symbol))
        {
            if (Source.Bodies.TryGetValue(key, out var blocks))
            {
                foreach (var block in blocks)
                {
                    if (block is not IAttributeOperation and not IParameterInitializerOperation)
                    {
                        yield return block;
                    }
                }

                yield break;
            }
        }

        if (IsHelper(symbol) || IsRecordMember(symbol))
        {
            foreach (var block in HelperBlocks((IMethodSymbol)symbol))
            {
                yield return block;
            }
        }
    }

    /// <summary>
    /// A static method declared in source outside the model (a helper class, an extension method): interpreted from
    /// its own operations like the model's methods. It cannot reach the model's state except through its arguments.
    /// </summary>
    /// A static property's getter and a user-defined operator are helpers too; a generic one is compiled once per
    /// list of type arguments.
    public bool IsHelper(ISymbol symbol) =>
        symbol is IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.UserDefinedOperator, IsExtern: false } method
        && !IsModel(method.ContainingType)
        && InSource(method);

    /// <summary>
    /// An instance method, property getter or constructor written in a record or struct of the source: interpreted
    /// with <c>this</c> bound to the value it is called on, or being built (see <see cref="BodyCompiler"/>'s record
    /// members and constructors).
    /// </summary>
    public bool IsRecordMember(ISymbol symbol) =>
        symbol is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.Constructor, IsExtern: false, IsAbstract: false } method
        && !IsModel(method.ContainingType)
        && method.ContainingType.TypeKind is TypeKind.Class or TypeKind.Struct
        && (method.ContainingType.IsRecord || method.ContainingType.TypeKind == TypeKind.Struct)
        && InSource(method);

    private bool InSource(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Any(r => Source.Compilation.ContainsSyntaxTree(r.SyntaxTree));

    private IEnumerable<IOperation> HelperBlocks(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null }
                    or AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } or ArrowExpressionClauseSyntax
                && Source.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
            {
#pragma warning disable RS1030 // The helper's operations are not in the model's operation blocks; only its own tree is bound.
                var semantics = Source.Compilation.GetSemanticModel(reference.SyntaxTree);
#pragma warning restore RS1030
                if (semantics.GetOperation(reference.GetSyntax()) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    // An expression-bodied property's getter may be keyed by the property or by the getter.
    private static IEnumerable<ISymbol> Keys(ISymbol symbol)
    {
        yield return symbol;
        if (symbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property, MethodKind: MethodKind.PropertyGet })
        {
            yield return property;
        }

        if (symbol is IMethodSymbol { PartialDefinitionPart: { } definition })
        {
            yield return definition;
        }

        if (symbol is IMethodSymbol { PartialImplementationPart: { } implementation })
        {
            yield return implementation;
        }
    }
}
