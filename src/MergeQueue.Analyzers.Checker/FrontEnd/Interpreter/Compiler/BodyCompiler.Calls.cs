using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Calls: the model's methods, local functions, lambdas and delegates, and <c>Spec</c>.</summary>
internal sealed partial class BodyCompiler
{
    private readonly Dictionary<IMethodSymbol, (CompiledFunction Function, FunctionScope Scope)> localFunctions = new(SymbolEqualityComparer.Default);

    private static bool IsSpec(IMethodSymbol method, string name) =>
        method.Name == name && KnownSymbols.Is(method.ContainingType, KnownSymbols.Spec);

    private Expr Invocation(IInvocationOperation operation, Use use)
    {
        var method = operation.TargetMethod;
        if (method is { Name: "MemberwiseClone", ContainingType.SpecialType: SpecialType.System_Object } && operation.Instance is IInstanceReferenceOperation && IsInstanceOfModel(operation.Instance))
        {
            return Snapshot();
        }

        if (model.IsModel(method.ContainingType) && method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor)
        {
            return operation.Instance is null or IInstanceReferenceOperation
                ? UserCall(operation, method, operation.Arguments)
                : OtherInstance(operation, operation.Instance, -1, use, "a call on", method, operation.Arguments);
        }

        if (model.IsHelper(method.OriginalDefinition))
        {
            return UserCall(operation, method, operation.Arguments);
        }

        if (operation.Instance is not null && IsInterpretedInstanceMember(method))
        {
            return InstanceCall(operation, operation.Instance, method, operation.Arguments);
        }

        switch (method.MethodKind)
        {
            case MethodKind.LocalFunction:
                return LocalCall(operation);
            case MethodKind.DelegateInvoke:
                return DelegateCall(operation);
        }

        // Only the library members of the table run; the rest is what a model may not do, or not yet.
        var member = LibraryMembers.Find(method);
        var call = member?.Routine switch
        {
            null => null,
            LibraryRoutine.Spec when method.Name == "Assert" => Assert(operation),
            LibraryRoutine.Spec => null,
            LibraryRoutine.Linq => Linq(operation, use, member),
            LibraryRoutine.Math => MathCall(operation),
            LibraryRoutine.Nullable => NullableCall(operation, use),
            _ => LibraryCall(operation, use, member),
        };
        return call ?? Unsupported(operation, "the call to '" + method.ToDisplayString() + "'");
    }

    private Expr UserCall(IOperation at, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        // Inside a generic body, a call's type arguments may be the body's own type parameters.
        method = TypeSubstitution.Apply(method, Types.Substitution, model.Source.Compilation);
        if (method.IsGenericMethod && method.TypeArguments.Any(ContainsTypeParameter))
        {
            return Unsupported(at, "the generic method '" + method.OriginalDefinition.ToDisplayString() + "' (with the type arguments '" + string.Join(", ", method.TypeArguments) + "')");
        }

        var function = model.Function(method, Loc(at));
        effects.MarkUnknown();
        if (function is null)
        {
            return Nothing;
        }

        return CallWith(at, function, arguments, hops: -1);
    }

    private static bool ContainsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsTypeParameter),
        _ => false,
    };

    /// <summary>
    /// A call: arguments straight into the callee's frame, <c>out</c>/<c>ref</c> arguments copied back after it.
    /// <paramref name="hops"/> reaches the frame a local function was declared in; -1 for a method (no parent).
    /// </summary>
    private Expr CallWith(IOperation at, CompiledFunction function, ImmutableArray<IArgumentOperation> arguments, int hops)
    {
        var values = new List<(int Slot, Expr Value)>();
        var outs = new List<(int Slot, Place Place)>();
        foreach (var argument in arguments)
        {
            int slot = argument.Parameter?.Ordinal ?? values.Count;
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                var place = PlaceOf(argument.Value);
                outs.Add((slot, place));
                if (argument.Parameter.RefKind == RefKind.Ref)
                {
                    values.Add((slot, Expr(argument.Value)));
                }
            }
            else if (argument.Parameter is { ContainingSymbol: IMethodSymbol callee } && IsSharedAsIs(argument.Value))
            {
                // Compiled both ways; which one runs is known once every body is compiled, before any runs.
                var uses = model.ParameterUsesOf(callee);
                int ordinal = argument.Parameter.Ordinal;
                var peeked = Expr(argument.Value, Use.Peek());
                var owned = Expr(argument.Value);
                values.Add((slot, frame => uses.Keeps(ordinal) ? owned(frame) : peeked(frame)));
            }
            else
            {
                values.Add((slot, Expr(argument.Value)));
            }
        }

        var site = Loc(at);
        var inputs = values.ToArray();
        var outputs = outs.ToArray();
        int kept = scope.DeclareTemporary();
        return frame =>
        {
            var ex = frame.Ex;
            var callee = CalleeFrame(frame, kept, function, hops < 0 ? null : frame.Up(hops));
            foreach (var (slot, value) in inputs)
            {
                callee.Slots[slot] = value(frame);
            }

            var bounds = outputs.Length == 0 ? null : new Bound[outputs.Length];
            for (int i = 0; i < outputs.Length; i++)
            {
                bounds![i] = outputs[i].Place.Bind(frame);
            }

            var result = Run(ex, function, callee, site);
            for (int i = 0; i < outputs.Length; i++)
            {
                outputs[i].Place.Set(frame, bounds![i], callee.Slots[outputs[i].Slot]);
            }

            return result;
        };
    }

    /// <summary>
    /// An argument that nothing else writes: a static field (a writer gets its own copy) or an array of constants
    /// (a params array too). A callee that only peeks at it may have it as it is.
    /// </summary>
    private static bool IsSharedAsIs(IOperation argument) => StripConversions(argument) switch
    {
        IFieldReferenceOperation { Field.IsStatic: true, Field.IsConst: false } => true,
        IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: { } initializer } => initializer.ElementValues.All(IsPlainConstant),
        _ => false,
    };

    /// <summary>
    /// The callee's frame, kept in a slot of the caller's frame for the next call from the same place. A call from
    /// one frame at one place has always returned before the next begins (code runs in its own frame only), so
    /// reusing its frame is safe unless a closure that may outlive the call holds it.
    /// </summary>
    private static Frame CalleeFrame(Frame caller, int kept, CompiledFunction function, Frame? parent)
    {
        if (!function.CapturesFrame
            && caller.Slots[kept].Ref is Frame frame
            && frame.Parent == parent
            && frame.Slots.Length == function.SlotCount)
        {
            return frame;
        }

        frame = new Frame(function.SlotCount, parent, caller.Ex);
        if (!function.CapturesFrame)
        {
            caller.Slots[kept] = new Value(frame);
        }

        return frame;
    }

    private static Value Run(Execution ex, CompiledFunction function, Frame callee, object site)
    {
        ex.Tick(site);
        ex.EnterCall();
        var saved = ex.Site;
        var result = function.Run(callee);
        ex.ExitCall();
        ex.Site = saved;
        return result;
    }

    /// <summary>Calls a compiled function with evaluated arguments (property setters).</summary>
    private static Value Call(Frame frame, CompiledFunction function, Frame? parent, Value[] arguments, object site)
    {
        var callee = new Frame(function.SlotCount, parent, frame.Ex);
        arguments.CopyTo(callee.Slots, 0);
        return Run(frame.Ex, function, callee, site);
    }

    /// <summary>Registers a block's local functions before its statements, so that calls may precede declarations.</summary>
    private void DeclareLocalFunctions(List<IOperation> statements)
    {
        var declared = new List<ILocalFunctionOperation>();
        foreach (var local in statements.OfType<ILocalFunctionOperation>())
        {
            if (local.Symbol.IsGenericMethod || local.Symbol.IsAsync)
            {
                Report(local, "the local function '" + local.Symbol.Name + "'");
                continue;
            }

            localFunctions[local.Symbol] = (new CompiledFunction(local.Symbol.Name, local.Symbol.Parameters.Length), scope);
            declared.Add(local);
        }

        foreach (var local in declared)
        {
            var body = (IOperation?)local.Body ?? local.IgnoredBody;
            if (body is not null)
            {
                CompileNested(local.Symbol, localFunctions[local.Symbol].Function, body, local.Symbol.ReturnType);
            }
        }
    }

    /// <summary>
    /// Compiles a lambda or local function. One that may outlive the call it is created in (<paramref name="escapes"/>)
    /// holds every enclosing frame, which then cannot be reused.
    /// </summary>
    private void CompileNested(IMethodSymbol symbol, CompiledFunction function, IOperation body, ITypeSymbol? returnType, bool escapes = true)
    {
        for (var enclosing = scope; escapes && enclosing is not null; enclosing = enclosing.Parent)
        {
            enclosing.Function.CapturesFrame = true;
        }

        var outer = scope;
        scope = new FunctionScope(symbol, function, outer) { ReturnType = returnType };
        foreach (var parameter in symbol.Parameters)
        {
            scope.Declare(parameter);
        }

        CompileBody(function, body);
        scope = outer;
    }

    private Expr LocalCall(IInvocationOperation operation)
    {
        var symbol = operation.TargetMethod.OriginalDefinition;
        if (!localFunctions.TryGetValue(symbol, out var local))
        {
            return Unsupported(operation, "the call to '" + symbol.Name + "'");
        }

        effects.MarkUnknown();
        return CallWith(operation, local.Function, operation.Arguments, scope.Depth - local.Scope.Depth);
    }

    private Expr DelegateCreation(IDelegateCreationOperation operation)
    {
        switch (operation.Target)
        {
            case IAnonymousFunctionOperation lambda when ReferenceEquals(operation, consumedAtOnce):
                // Used up by the call it is passed to: one closure per frame serves every evaluation.
                var used = new CompiledFunction("lambda", lambda.Symbol.Parameters.Length);
                CompileNested(lambda.Symbol, used, lambda.Body, lambda.Symbol.ReturnType, escapes: false);
                int kept = scope.DeclareTemporary();
                return frame =>
                {
                    // The slot is this expression's own, so a closure in it was made for this frame.
                    return frame.Slots[kept].Ref is Closure ? frame.Slots[kept] : frame.Slots[kept] = new Value(new Closure(used, frame));
                };
            case IAnonymousFunctionOperation lambda:
                var function = new CompiledFunction("lambda", lambda.Symbol.Parameters.Length);
                CompileNested(lambda.Symbol, function, lambda.Body, lambda.Symbol.ReturnType);
                if (!LoopCaptures.CapturesIterationVariable(lambda))
                {
                    return frame => new Value(new Closure(function, frame));
                }

                if (LoopCaptures.Conflict(lambda) is { } written)
                {
                    return Unsupported(operation, "the lambda '" + Shorten(operation.Syntax.ToString()) + "' (it captures a loop iteration's variable and '" + written.Name + "', which is written after its declaration)");
                }

                // Each iteration's lambda keeps that iteration's variables, as in C#.
                return frame => new Value(new Closure(function, frame.Snapshot()));
            case IMethodReferenceOperation { Method: var method } reference when model.IsModel(method.ContainingType)
                && reference.Instance is null or IInstanceReferenceOperation:
                var target = model.Function(method, Loc(operation));
                effects.MarkUnknown();
                if (target is null)
                {
                    return Nothing;
                }

                // It captures nothing, so one closure per frame serves every evaluation, wherever it goes (a closure
                // is safe to call again inside its own call; a frame is never shared between threads).
                int group = scope.DeclareTemporary();
                return frame => frame.Slots[group].Ref is Closure ? frame.Slots[group] : frame.Slots[group] = new Value(new Closure(target, null));
            case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference
                when localFunctions.TryGetValue(reference.Method.OriginalDefinition, out var local):
                int hops = scope.Depth - local.Scope.Depth;
                effects.MarkUnknown();
                return frame => new Value(new Closure(local.Function, frame.Up(hops)));
            case IMethodReferenceOperation reference when StandIn(operation, reference) is { } standIn:
                return MethodGroup(operation, standIn);
            default:
                return Unsupported(operation, "the delegate '" + Shorten(operation.Syntax.ToString()) + "'");
        }
    }

    private Expr DelegateCall(IInvocationOperation operation)
    {
        if (operation.Instance is null)
        {
            return Unsupported(operation, "the delegate call '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        effects.MarkUnknown();
        var target = Expr(operation.Instance);
        var arguments = operation.Arguments.Select(a => Expr(a.Value)).ToArray();
        return frame =>
        {
            if (target(frame).Ref is not Closure closure)
            {
                throw Errors.NullReference();
            }

            var values = new Value[arguments.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = arguments[i](frame);
            }

            return closure.Invoke(frame.Ex, values);
        };
    }
}
