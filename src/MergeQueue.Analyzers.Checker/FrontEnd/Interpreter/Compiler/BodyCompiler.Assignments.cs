using System;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Assignments: simple, compound, <c>++</c>/<c>--</c>, <c>??=</c> and deconstruction.</summary>
internal sealed partial class BodyCompiler
{
    private Expr SimpleAssignment(ISimpleAssignmentOperation operation)
    {
        CheckSharing(operation);
        var target = operation.Target;
        var value = Expr(operation.Value);
        if (target is ILocalReferenceOperation local && Resolve(local.Local) is (0, int localSlot))
        {
            return frame => frame.Slots[localSlot] = value(frame);
        }

        var place = PlaceOf(target);
        if (place is StateFieldPlace && StateFieldOf(target) is int slot)
        {
            return frame =>
            {
                var v = value(frame);
                frame.Ex.Write(slot, v);
                return v;
            };
        }

        return frame =>
        {
            var bound = place.Bind(frame);
            var v = value(frame);
            place.Set(frame, bound, v);
            return v;
        };
    }

    // `a = b` between two state fields holding mutable objects aliases them: SM0108 (SPEC §2).
    private void CheckSharing(ISimpleAssignmentOperation operation)
    {
        var source = StripConversions(operation.Value);
        if (StateFieldOf(operation.Target) is { } target && StateFieldOf(source) is { } shared
            && model.Layout.Types[shared].IsMutable)
        {
            model.Diagnostics.Error(
                DiagnosticDescriptors.SharedMutableState,
                Loc(operation),
                "'" + model.Layout.Names[target] + "'",
                "'" + model.Layout.Names[shared] + "'",
                model.Shape.Type.Name);
        }
    }

    private int? StateFieldOf(IOperation operation) => operation switch
    {
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } f when model.TryGetField(f.Field, out int slot) => slot,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } p when model.TryGetAutoProperty(p.Property, out int slot) => slot,
        _ => null,
    };

    private Expr CompoundAssignment(ICompoundAssignmentOperation operation)
    {
        var place = PlaceOf(operation.Target);
        var targetType = operation.Target.Type;
        if (targetType?.SpecialType == SpecialType.System_String && operation.OperatorKind == BinaryOperatorKind.Add)
        {
            var text = TextOf(operation.Value);
            return frame =>
            {
                var bound = place.Bind(frame);
                var old = place.Get(frame, bound);
                var updated = new Value(Allocation.Concat((string?)old.Ref ?? string.Empty, text(frame)));
                place.Set(frame, bound, updated);
                return updated;
            };
        }

        var value = Expr(operation.Value);
        var op = operation.OperatorKind;
        if (targetType?.SpecialType == SpecialType.System_Boolean)
        {
            return frame =>
            {
                var bound = place.Bind(frame);
                bool a = place.Get(frame, bound).Bool;
                bool b = value(frame).Bool;
                var updated = Value.Of(op switch
                {
                    BinaryOperatorKind.And => a & b,
                    BinaryOperatorKind.Or => a | b,
                    _ => a ^ b,
                });
                place.Set(frame, bound, updated);
                return updated;
            };
        }

        if (KindOf(targetType) is not { } kind || KindOf(operation.Value.Type) is not { } valueKind || operation.OperatorMethod is not null)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        var arithmetic = op is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift
            ? Promote(kind, kind)
            : Promote(kind, valueKind);
        bool isChecked = operation.IsChecked;
        return frame =>
        {
            var bound = place.Bind(frame);
            long a = place.Get(frame, bound).Bits;
            long b = value(frame).Bits;
            long exact = IntKinds.Wrap(arithmetic, IntegerOps.Binary(op, arithmetic, isChecked, a, b));
            var updated = new Value(IntegerOps.Fit(kind, isChecked, exact));
            place.Set(frame, bound, updated);
            return updated;
        };
    }

    /// <summary>C#'s binary numeric promotion.</summary>
    private static IntKind Promote(IntKind a, IntKind b)
    {
        if (a == IntKind.UInt64 || b == IntKind.UInt64)
        {
            return IntKind.UInt64;
        }

        if (a == IntKind.Int64 || b == IntKind.Int64)
        {
            return IntKind.Int64;
        }

        if (a == IntKind.UInt32 || b == IntKind.UInt32)
        {
            var other = a == IntKind.UInt32 ? b : a;
            return other is IntKind.SByte or IntKind.Int16 or IntKind.Int32 ? IntKind.Int64 : IntKind.UInt32;
        }

        return IntKind.Int32;
    }

    private Expr Increment(IIncrementOrDecrementOperation operation)
    {
        if (KindOf(operation.Target.Type) is not { } kind || operation.OperatorMethod is not null)
        {
            return Unsupported(operation, "the operator '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        var place = PlaceOf(operation.Target);
        long delta = operation.Kind == OperationKind.Increment ? 1 : -1;
        bool isChecked = operation.IsChecked;
        bool postfix = operation.IsPostfix;
        var arithmetic = Promote(kind, IntKind.Int32);
        if (place is StateFieldPlace && StateFieldOf(operation.Target) is int slot && kind == IntKind.Int32 && !isChecked)
        {
            return frame =>
            {
                var ex = frame.Ex;
                long old = ex.Fields[slot].Bits;
                var updated = new Value(unchecked((int)(old + delta)));
                ex.Write(slot, updated);
                return postfix ? new Value(old) : updated;
            };
        }

        return frame =>
        {
            var bound = place.Bind(frame);
            var old = place.Get(frame, bound);
            long exact = IntKinds.Wrap(arithmetic, IntegerOps.Binary(BinaryOperatorKind.Add, arithmetic, isChecked, old.Bits, delta));
            var updated = new Value(IntegerOps.Fit(kind, isChecked, exact));
            place.Set(frame, bound, updated);
            return postfix ? old : updated;
        };
    }

    private Expr CoalesceAssignment(ICoalesceAssignmentOperation operation)
    {
        if (TypeOf(operation.Target) is not { IsReference: true } targetType)
        {
            return Unsupported(operation, "'??=' on a value type");
        }

        // `x ??= 5` on an `int?` stores `5` as an `int?` and yields an `int`.
        var nullable = targetType as NullableType;
        var store = nullable is not null && TypeOf(operation.Value) is not NullableType ? nullable.Wrap : (Func<Value, Value>)(v => v);
        var yield = nullable is not null && TypeOf(operation) is not NullableType ? nullable.Unwrap : (Func<Value, Value>)(v => v);
        var place = PlaceOf(operation.Target);
        var value = Expr(operation.Value);
        return frame =>
        {
            var bound = place.Bind(frame);
            var current = place.Get(frame, bound);
            if (current.Ref is not null)
            {
                return yield(current);
            }

            var v = value(frame);
            place.Set(frame, bound, store(v));
            return v;
        };
    }

    private Expr DeconstructionAssignment(IDeconstructionAssignmentOperation operation)
    {
        var targetOperation = operation.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : operation.Target;
        if (targetOperation is not ITupleOperation targets || targets.Elements.Any(e => e is ITupleOperation))
        {
            return Unsupported(operation, "the deconstruction '" + Shorten(operation.Syntax.ToString()) + "'");
        }

        var places = targets.Elements.Select(PlaceOf).ToArray();
        int count = places.Length;
        var source = StripConversions(operation.Value);
        System.Func<Frame, Value[]> parts;
        if (source is ITupleOperation literal && literal.Elements.Length == count)
        {
            var elements = literal.Elements.Select(e => Expr(e)).ToArray();
            parts = frame =>
            {
                var values = new Value[count];
                for (int i = 0; i < count; i++)
                {
                    values[i] = elements[i](frame);
                }

                return values;
            };
        }
        else if (TypeOf(operation.Value) is { } type)
        {
            var value = Expr(operation.Value);
            var split = Deconstructor(type, count, operation);
            parts = frame => split(value(frame));
        }
        else
        {
            return Nothing;
        }

        var tupleType = TypeOf(operation) as RecordType;
        return frame =>
        {
            var bounds = new Bound[count];
            for (int i = 0; i < count; i++)
            {
                bounds[i] = places[i].Bind(frame);
            }

            var values = parts(frame);
            for (int i = 0; i < count; i++)
            {
                places[i].Set(frame, bounds[i], values[i]);
            }

            return tupleType is null ? default : new Value(new Values.Heap.RecordObject(tupleType, values));
        };
    }
}
