using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Compiles the operation tree of one model function into closures, once; running them never looks at an
/// <see cref="IOperation"/> again. What it cannot interpret is reported (SM0100) and compiled to a placeholder,
/// so that one compile finds every unsupported construct.
/// </summary>
internal sealed partial class BodyCompiler
{
    private const int MaxDepth = 300;
    private static readonly Expr Nothing = _ => default;

    private readonly ModelContext model;
    private FunctionScope scope = null!;
    private EffectSet effects = new();

    // The frame slot holding the receiver of the innermost `?.` being compiled.
    private int conditionalReceiver = -1;

    // How deeply nested the expression being compiled is.
    private int depth;

    // The method group whose stand-in lambda is being compiled, for the locations of what it runs.
    private Location? standInSite;

    public BodyCompiler(ModelContext model) => this.model = model;

    private TypeMapper Types => model.Types;

    /// <summary>Compiles a method, or with <paramref name="statements"/> only those statements of its body.</summary>
    public void CompileMethod(IMethodSymbol method, CompiledFunction function, IEnumerable<IOperation>? statements = null)
    {
        // A generic method's body is compiled for the type arguments it is called with.
        var outerSubstitution = Types.Substitution;
        Types.Substitution = TypeSubstitution.Of(method);
        try
        {
            CompileMethodBody(method, function, statements);
        }
        finally
        {
            Types.Substitution = outerSubstitution;
        }
    }

    /// <summary>
    /// A static member's initializer outside the model (<see cref="ModelContext.StaticOf"/>), as a function of no
    /// arguments that returns its value.
    /// </summary>
    public void CompileValue(IOperation value, ISymbol owner, CompiledFunction function)
    {
        scope = new FunctionScope(owner, function, null) { ReturnType = (owner as IFieldSymbol)?.Type ?? (owner as IPropertySymbol)?.Type };
        function.ExpressionSite = Loc(value);
        function.ExpressionBody = Expr(value);
    }

    private void CompileMethodBody(IMethodSymbol method, CompiledFunction function, IEnumerable<IOperation>? statements)
    {
        // The body's parameters and locals belong to the method's definition, also when it is called constructed.
        var definition = method.OriginalDefinition;
        scope = new FunctionScope(definition, function, null)
        {
            IsAction = model.ActionMethods.Contains(method) && method.ReturnType.SpecialType == SpecialType.System_Boolean,
            ReturnType = method.ReturnType,
        };
        foreach (var parameter in definition.Parameters)
        {
            scope.Declare(parameter);
        }

        // A record's own member runs with `this` in the slot after its parameters (see RecordMembers).
        if (model.IsRecordMember(definition))
        {
            scope.Declare(definition.ContainingType);
        }

        if (statements is not null)
        {
            function.Body = Sequence(statements);
            return;
        }

        var body = model.BodyOf(method)!;
        if (method.MethodKind == MethodKind.Constructor)
        {
            function.Body = model.IsRecordMember(definition) ? ValueConstructor(method, body) : Constructor(method, body);
            return;
        }

        CompileBody(function, body);
    }

    /// <summary>
    /// The guard of an action or helper (<see cref="Shape.GuardShape"/>): its leading local declarations and
    /// <c>Require</c>s (which write nothing), then the guard of the helper <paramref name="call"/> calls, then the
    /// <paramref name="later"/> <c>Require</c>s, as a function of the method's parameters that is true when every
    /// condition holds, tested in order; a false one is a branch, not a disabled step.
    /// </summary>
    public void CompileGuard(IMethodSymbol method, IReadOnlyList<IOperation> statements, Shape.GuardCall? call, IReadOnlyList<IOperation> later, CompiledFunction function)
    {
        scope = new FunctionScope(method, function, null) { ReturnType = method.ReturnType };
        foreach (var parameter in method.Parameters)
        {
            scope.Declare(parameter);
        }

        // Each step is either a declaration (run) or a condition (tested).
        var steps = statements.Select(s => Shape.GuardReader.RequireCondition(s) is { } condition
            ? (Declaration: (Stmt?)null, Condition: Expr(condition))
            : (Declaration: Statement(s), Condition: (Expr?)null)).ToList();
        if (call is not null && model.HelperGuard(call) is { } helper)
        {
            steps.Add((null, CallWith(call.Invocation, helper, call.Invocation.Arguments, hops: -1)));
        }

        steps.AddRange(later.Select(r => ((Stmt?)null, (Expr?)Expr(Shape.GuardReader.RequireCondition(r)!))));
        var tested = steps.ToArray();
        function.ExpressionSite = Loc(statements.Count > 0 ? statements[0] : call?.Invocation ?? later[0]);
        function.ExpressionBody = frame =>
        {
            foreach (var (declaration, condition) in tested)
            {
                if (declaration is not null ? declaration(frame) == Flow.Stop || frame.Ex.Stopping : !condition!(frame).Bool)
                {
                    return Value.Of(false);
                }
            }

            return Value.Of(true);
        };
    }

    /// <summary>A field or auto-property initializer, as a function that stores the value into the state.</summary>
    public void CompileInitializer(ISymbolInitializerOperation initializer, ISymbol owner, CompiledFunction function)
    {
        scope = new FunctionScope(owner, function, null);
        var value = Expr(initializer.Value);
        var site = Loc(initializer.Value);
        var slots = new System.Collections.Generic.List<int>();
        var statics = new System.Collections.Generic.List<int>();
        var fields = initializer is IFieldInitializerOperation f ? f.InitializedFields : default;
        var property = (initializer as IPropertyInitializerOperation)?.InitializedProperties;
        foreach (var field in fields.IsDefault ? System.Collections.Immutable.ImmutableArray<IFieldSymbol>.Empty : fields)
        {
            if (model.TryGetField(field, out int slot))
            {
                slots.Add(slot);
            }
            else if (model.TryGetStatic(field, out int staticSlot))
            {
                statics.Add(staticSlot);
            }
        }

        foreach (var p in property ?? System.Collections.Immutable.ImmutableArray<IPropertySymbol>.Empty)
        {
            if (model.TryGetAutoProperty(p, out int slot))
            {
                slots.Add(slot);
            }
            else if (model.TryGetStaticProperty(p, out int staticSlot))
            {
                statics.Add(staticSlot);
            }
        }

        var layout = model.Layout;
        function.Body = frame =>
        {
            var ex = frame.Ex;
            ex.Site = site;
            var v = value(frame);
            foreach (int slot in slots)
            {
                ex.Write(slot, v);
            }

            foreach (int slot in statics)
            {
                layout.Statics[slot] = v;
            }

            return ex.Stopping ? Flow.Stop : Flow.Normal;
        };
    }

    private void CompileBody(CompiledFunction function, IOperation body)
    {
        if (body is IBlockOperation { Operations: { Length: 1 } operations } && operations[0] is IReturnOperation { ReturnedValue: { } value, IsImplicit: true } && !scope.IsAction)
        {
            function.ExpressionBody = Expr(value);
            function.ExpressionSite = Loc(value);
            return;
        }

        function.Body = body is IBlockOperation block ? Block(block) : Statement(body);
    }

    private Stmt Constructor(IMethodSymbol constructor, IOperation body)
    {
        var initializer = model.ConstructorInitializer(constructor);
        Stmt? chained = null;
        if (initializer is not null && model.IsModel(initializer.TargetMethod.ContainingType))
        {
            var call = Expr(initializer);
            var site = Loc(initializer);
            chained = frame =>
            {
                frame.Ex.Site = site;
                call(frame);
                return frame.Ex.Stopping ? Flow.Stop : Flow.Normal;
            };
        }

        var main = body is IConstructorBodyOperation ? (frame => Flow.Normal) : body is IBlockOperation block ? Block(block) : Statement(body);
        if (chained is null)
        {
            return main;
        }

        return frame => chained(frame) == Flow.Stop ? Flow.Stop : main(frame);
    }

    // Inside a method group's stand-in lambda (MethodGroups.cs), every location is the group's own.
    private Location Loc(IOperation operation) => standInSite ?? operation.Syntax.GetLocation();

    private Expr Unsupported(IOperation operation, string construct)
    {
        Report(operation, construct);
        return Nothing;
    }

    private void Report(IOperation operation, string construct)
    {
        if (!UsesRefusedType(operation))
        {
            model.Diagnostics.Unsupported(Loc(operation), construct);
        }
    }

    // A construct that fails only because a value in it has a type already refused (a field's, reported at the
    // field) is that refusal again: one message per type, not one per use.
    private bool UsesRefusedType(IOperation operation)
    {
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part.Type is { } type && !model.IsModel(type) && Types.Map(type, out var why) is null && model.Diagnostics.WasRefused(why))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The interpreter type of an operation's value; reports and returns null when there is none.</summary>
    private VType? TypeOf(IOperation operation) => TypeOf(operation.Type, operation);

    private VType? TypeOf(ITypeSymbol? type, IOperation at)
    {
        if (type is not null && model.IsModel(type))
        {
            return InstanceType;
        }

        var mapped = Types.Map(type, out var why);
        if (mapped is null && type is null)
        {
            Report(at, why);
        }
        else if (mapped is null)
        {
            model.Diagnostics.UnsupportedType(Loc(at), why, why);
        }

        return mapped;
    }

    /// <summary>Runs <paramref name="compile"/> and returns the state fields the compiled code may take ownership of.</summary>
    private EffectSet Track(Action compile)
    {
        var outer = effects;
        effects = new EffectSet();
        compile();
        var inner = effects;
        outer.UnionWith(inner);
        effects = outer;
        return inner;
    }

    private (int Hops, int Slot) Resolve(ISymbol variable)
    {
        int hops = 0;
        for (var current = scope; current is not null; current = current.Parent, hops++)
        {
            if (current.TryGet(variable, out int slot))
            {
                return (hops, slot);
            }

            if (current.Owns(variable))
            {
                return (hops, current.Declare(variable));
            }
        }

        // A variable owned by no function being compiled (e.g. an out var in a field initializer) lives here.
        return (0, scope.Declare(variable));
    }

    private Expr ReadVariable(ISymbol variable)
    {
        var (hops, slot) = Resolve(variable);
        return hops switch
        {
            0 => frame => frame.Slots[slot],
            1 => frame => frame.Parent!.Slots[slot],
            _ => frame => frame.Up(hops).Slots[slot],
        };
    }
}
