using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Members of records and structs beyond stored ones: computed properties and methods, run with <c>this</c> bound to
/// the value they are called on (in the slot after their parameters), chosen by the value's runtime type when the
/// member is virtual, abstract or an interface's; and static members of source types.
/// </summary>
internal sealed partial class BodyCompiler
{
    /// <summary>What a member is on one runtime type: a stored field, or a function of the source.</summary>
    private readonly record struct MemberTarget(int Field, CompiledFunction? Function);

    /// <summary>Whether a call to <paramref name="method"/> on a value is interpreted from the source of its type.</summary>
    private bool IsInterpretedInstanceMember(IMethodSymbol method) =>
        method is { IsStatic: false, IsImplicitlyDeclared: false, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet }
        && !model.IsModel(method.ContainingType)
        && method.DeclaringSyntaxReferences.Any(r => model.Source.Compilation.ContainsSyntaxTree(r.SyntaxTree))
        && Types.Map(method.ContainingType) is RecordType;

    /// <summary><c>this</c> inside a record's or struct's member: the value it was called on.</summary>
    private Expr This(IInstanceReferenceOperation operation)
    {
        var key = operation.Type?.OriginalDefinition;
        for (var current = scope; current is not null; current = current.Parent)
        {
            if (key is not null && current.TryGet(key, out _))
            {
                return ReadVariable(key);
            }
        }

        return IsInstanceOfModel(operation) ? Snapshot() : Unsupported(operation, "'this' used as a value");
    }

    /// <summary>A property of a record read through its getter (computed, abstract or an interface's).</summary>
    private Expr ComputedMember(IOperation at, IOperation instance, IPropertySymbol property, Use use)
    {
        if (property.GetMethod is not { } getter || !IsInterpretedInstanceMember(getter))
        {
            return Unsupported(at, "the member '" + property.Name + "' of '" + Types.Map(instance.Type)?.Name + "'");
        }

        return InstanceCall(at, instance, getter, ImmutableArray<IArgumentOperation>.Empty);
    }

    /// <summary>A method or getter called on a record or struct value, dispatched on the value's runtime type.</summary>
    private Expr InstanceCall(IOperation at, IOperation instance, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (TypeOf(instance) is not RecordType declared)
        {
            return Nothing;
        }

        if (arguments.Any(a => a.Parameter?.RefKind is not (null or RefKind.None or RefKind.In)))
        {
            return Unsupported(at, "the call to '" + method.ToDisplayString() + "' (a 'ref' or 'out' argument of a record's member)");
        }

        var targets = new Dictionary<RecordType, MemberTarget>();
        foreach (var runtime in RuntimeTypes(declared))
        {
            if (Target(at, runtime, method) is not { } target)
            {
                return Nothing;
            }

            targets.Add(runtime, target);
        }

        effects.MarkUnknown();
        var receiver = Expr(instance, declared.HasMutableParts ? Use.Own : Use.Peek());
        var inputs = arguments.Select(a => (Slot: a.Parameter?.Ordinal ?? 0, Value: Expr(a.Value))).ToArray();
        int thisSlot = method.Parameters.Length;
        var site = Loc(at);
        var only = targets.Count == 1 ? targets.Values.Single() : (MemberTarget?)null;
        string name = method.ToDisplayString();
        return frame =>
        {
            var self = receiver(frame);
            if (self.Ref is not RecordObject r)
            {
                throw Errors.NullReference();
            }

            var target = only ?? (targets.TryGetValue(r.Type, out var found) ? found
                : throw new InvalidOperationException("no implementation of '" + name + "' is known for '" + r.Type.Name + "'"));
            if (target.Function is not { } function)
            {
                return r.Fields[target.Field];
            }

            var callee = new Frame(function.SlotCount, null, frame.Ex);
            foreach (var (slot, value) in inputs)
            {
                callee.Slots[slot] = value(frame);
            }

            callee.Slots[thisSlot] = self;
            return Run(frame.Ex, function, callee, site);
        };
    }

    // The types a value declared as `declared` may have at run time: itself unless abstract or an interface, and the
    // records deriving from or implementing it.
    private IEnumerable<RecordType> RuntimeTypes(RecordType declared)
    {
        if (!declared.IsInterface && Types.SymbolOf(declared) is not { IsAbstract: true })
        {
            yield return declared;
        }

        foreach (var runtime in declared.RuntimeTypes)
        {
            yield return runtime;
        }
    }

    private MemberTarget? Target(IOperation at, RecordType runtime, IMethodSymbol method)
    {
        var symbol = Types.SymbolOf(runtime);
        var implementation = symbol is null ? null : Implementation(symbol, method);
        if (implementation is null)
        {
            Report(at, "the member '" + method.ToDisplayString() + "' on '" + runtime.Name + "'");
            return null;
        }

        // A stored property (positional or auto) is read from its field, whichever interface or base declares it.
        if (implementation.AssociatedSymbol is IPropertySymbol property && model.BodyOf(implementation) is null
            && runtime.IndexOf(property.Name) is int index and >= 0)
        {
            return new MemberTarget(index, null);
        }

        if (!model.IsRecordMember(implementation) || model.Function(implementation, Loc(at)) is not { } function)
        {
            Report(at, "the member '" + implementation.ToDisplayString() + "' (only members written in the record are interpreted)");
            return null;
        }

        return new MemberTarget(-1, function);
    }

    /// <summary>The method that runs for <paramref name="method"/> on a value of <paramref name="type"/> (virtual dispatch).</summary>
    private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol method)
    {
        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            var implementing = method.AssociatedSymbol is IPropertySymbol property
                ? (type.FindImplementationForInterfaceMember(property) as IPropertySymbol)?.GetMethod
                : type.FindImplementationForInterfaceMember(method) as IMethodSymbol;

            // A virtual or abstract member of a base record implements it: its override in the runtime type runs.
            if (implementing is null || !(implementing.IsVirtual || implementing.IsAbstract || implementing.IsOverride))
            {
                return implementing;
            }

            method = implementing;
        }

        var wanted = method.OriginalDefinition;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = candidate; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, wanted))
                    {
                        return candidate.IsAbstract ? null : candidate;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A static field or auto-property of a source type other than the model, computed on first read.</summary>
    private Expr SourceStaticRead(SourceStatic source, ITypeSymbol declared, Use use, IOperation at)
    {
        var type = TypeOf(declared, at);
        if (type is null)
        {
            return Nothing;
        }

        var site = Loc(at);
        bool copy = type.HasMutableParts && !use.IsPeek;
        return frame =>
        {
            var value = source.Get(() => Call(frame, source.Initializer, null, Array.Empty<Value>(), site));
            return copy ? type.DeepCopy(value) : value;
        };
    }

    /// <summary>A user-defined operator written in the source, called with its operands.</summary>
    private Expr OperatorCall(IOperation at, IMethodSymbol method, params IOperation[] operands)
    {
        var function = model.Function(method, Loc(at));
        effects.MarkUnknown();
        if (function is null)
        {
            return Nothing;
        }

        var values = operands.Select(o => Expr(o)).ToArray();
        var site = Loc(at);
        return frame =>
        {
            var arguments = new Value[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                arguments[i] = values[i](frame);
            }

            return Call(frame, function, null, arguments, site);
        };
    }
}
