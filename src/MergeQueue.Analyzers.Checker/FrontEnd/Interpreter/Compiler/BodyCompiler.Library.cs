using System;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Calls into the BCL the model may use: collection methods, <c>ToString</c>, <c>Equals</c>, <c>Array</c> and <c>string</c> helpers.</summary>
internal sealed partial class BodyCompiler
{
    /// <summary>A compiled call of a library method: receiver (or null), argument values, out-argument places.</summary>
    private delegate Value Library(Frame frame, object? receiver, Value[] arguments, Action<int, Value> setOut);

    private Expr? LibraryCall(IInvocationOperation operation, Use use, LibraryMember member)
    {
        var method = operation.TargetMethod;
        switch (member.Routine)
        {
            case LibraryRoutine.ArrayStatic:
                return ArrayStatic(operation);
            case LibraryRoutine.CollectionExtensions:
                return GetValueOrDefault(operation);
            case LibraryRoutine.StringStatic:
                return StringStatic(operation);
            case LibraryRoutine.EnumStatic when method.TypeArguments.Length == 1 && method.TypeArguments[0].TypeKind == TypeKind.Enum:
                return EnumStatic(operation, method.TypeArguments[0]);
            case LibraryRoutine.EnumStatic:
                return null;
            case LibraryRoutine.Span:
                return SpanCall(operation);
            case LibraryRoutine.Bits:
                return BitsCall(operation);
            case LibraryRoutine.ObjectStatic:
                return ObjectStatic(operation);
        }

        // A receiver of a type the interpreter does not know makes the call itself the unsupported construct.
        var receiverType = operation.Instance is null ? null : Types.Map(operation.Instance.Type);
        if (receiverType is null)
        {
            return null;
        }

        switch (method.Name)
        {
            case "ToString" when member.Routine == LibraryRoutine.Value:
                var text = TextOf(operation.Instance!);
                return frame => new Value(text(frame));
            case "Equals" when member.Routine == LibraryRoutine.Value && IsValueEquality(receiverType, method):
                var self = Expr(operation.Instance!, Use.Peek());
                var other = Expr(StripConversions(operation.Arguments[0].Value), Use.Peek());
                return frame => Value.Of(receiverType.ValueEquals(self(frame), other(frame)));
            case "CompareTo" when member.Routine == LibraryRoutine.Value && KindOf(operation.Instance!.Type) is { } kind:
                var left = Expr(operation.Instance!);
                var right = Expr(operation.Arguments[0].Value);
                return frame => new Value(IntKinds.CompareTo(kind, left(frame).Bits, right(frame).Bits));
        }

        var call = (member.Routine, receiverType) switch
        {
            (LibraryRoutine.List, ListType list) => ListMethod(operation, list),
            (LibraryRoutine.Queue, QueueType queue) => QueueMethod(operation, queue),
            (LibraryRoutine.Stack, StackType stack) => StackMethod(operation, stack),
            (LibraryRoutine.Set, SetType set) => SetMethod(operation, set),
            (LibraryRoutine.Dictionary, DictionaryType dictionary) => DictionaryMethod(operation, dictionary),
            (LibraryRoutine.String, StringType) => StringMethod(operation),
            (LibraryRoutine.SpanMember, ArrayType) => SpanMember(operation),
            (LibraryRoutine.Array, ArrayType or MultiArrayType) when method.Name == "Clone" => ArrayClone,
            (LibraryRoutine.Array, MultiArrayType) => MultiArrayMethod(operation),
            _ => null,
        };
        return call is null ? null : Bind(operation, receiverType, call, member.Effect == LibraryEffect.WritesReceiver);
    }

    // A record's own Equals is synthesized; one the user wrote has a body the model cannot see.
    private static bool IsValueEquality(VType type, IMethodSymbol method) =>
        type is IntegerType or BoolType or EnumType or StringType
        || (type is RecordType && (method.IsImplicitlyDeclared || method.ContainingType.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType));

    /// <summary>
    /// Compiles the receiver and arguments of a library call. A call that only reads reads a state field in place
    /// (unless its arguments may copy it meanwhile); one that writes owns it first.
    /// </summary>
    private Expr Bind(IInvocationOperation operation, VType receiverType, Library body, bool mutates)
    {
        var arguments = operation.Arguments;
        var values = new Expr[arguments.Length];
        var places = new Place?[arguments.Length];
        var argumentEffects = Track(() =>
        {
            for (int i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter?.RefKind == RefKind.Out)
                {
                    places[i] = PlaceOf(arguments[i].Value);
                    values[i] = Nothing;
                }
                else
                {
                    values[i] = Expr(arguments[i].Value, Carries(Types.Map(arguments[i].Value.Type)) ? Use.Own : Use.Peek());
                }
            }
        });
        if (mutates)
        {
            CheckNotStatic(operation.Instance, operation);
        }

        bool ownReceiver = mutates || receiverType.ElementType is { HasMutableParts: true } || receiverType is DictionaryType { ValueType.HasMutableParts: true };
        var receiver = Expr(operation.Instance!, ownReceiver ? Use.Own : Use.Peek(argumentEffects));
        int buffer = scope.DeclareTemporary();
        if (places.All(p => p is null))
        {
            // Apart from the call with out arguments: a lambda capturing the frame would be allocated on every call.
            return frame =>
            {
                var target = receiver(frame).Ref ?? throw Errors.NullReference();
                return body(frame, target, EvaluateArguments(frame, values, buffer), NoOut);
            };
        }

        return frame =>
        {
            var target = receiver(frame).Ref ?? throw Errors.NullReference();
            var evaluated = EvaluateArguments(frame, values, buffer);
            var bounds = new Bound[places.Length];
            for (int i = 0; i < places.Length; i++)
            {
                if (places[i] is { } place)
                {
                    bounds[i] = place.Bind(frame);
                }
            }

            return body(frame, target, evaluated, (i, v) => places[i]!.Set(frame, bounds[i], v));
        };
    }

    private static readonly Action<int, Value> NoOut = (_, _) => { };

    /// <summary>
    /// A library call's arguments, in an array kept in a slot of the calling frame for the next call from the same
    /// place: no library body keeps the array past the call, and a call from one frame at one place has returned
    /// before the next begins.
    /// </summary>
    private static Value[] EvaluateArguments(Frame frame, Expr[] values, int buffer)
    {
        if (values.Length == 0)
        {
            return Array.Empty<Value>();
        }

        if (frame.Slots[buffer].Ref is not Value[] evaluated)
        {
            evaluated = new Value[values.Length];
            frame.Slots[buffer] = new Value(evaluated);
        }

        for (int i = 0; i < values.Length; i++)
        {
            evaluated[i] = values[i](frame);
        }

        return evaluated;
    }

    private Expr ArrayStatic(IInvocationOperation operation)
    {
        var method = operation.TargetMethod;
        var arguments = operation.Arguments;
        switch (method.Name)
        {
            case "Fill" when arguments.Length == 2:
                CheckNotStatic(arguments[0].Value, operation);
                var array = Expr(arguments[0].Value, Use.Own);
                var value = Expr(arguments[1].Value);
                return frame =>
                {
                    var items = Collections.As<ArrayObject>(array(frame)).Items;
                    var v = value(frame);
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = v;
                    }

                    return default;
                };
            case "IndexOf" when arguments.Length == 2 && TypeOf(arguments[0].Value) is ArrayType arrayType:
                var source = Expr(arguments[0].Value, Use.Peek());
                var sought = Expr(arguments[1].Value);
                return frame =>
                {
                    var items = Collections.As<ArrayObject>(source(frame)).Items;
                    var v = sought(frame);
                    return new Value(Array.FindIndex(items, item => arrayType.Element.ValueEquals(item, v)));
                };
            case "GetSubArray" when arguments.Length == 2 && TypeOf(arguments[0].Value) is ArrayType subArrayType:
                return SubArray(arguments[0].Value, arguments[1].Value, subArrayType);
            case "Empty" when TypeOf(operation) is ArrayType:
                return _ => new Value(new ArrayObject(Array.Empty<Value>()));
            default:
                return Unsupported(operation, "the call to '" + method.ToDisplayString() + "'");
        }
    }

    private Expr GetValueOrDefault(IInvocationOperation operation)
    {
        if (TypeOf(StripConversions(operation.Arguments[0].Value)) is not DictionaryType dictionary)
        {
            return Unsupported(operation, "the call to '" + operation.TargetMethod.ToDisplayString() + "'");
        }

        var map = Expr(StripConversions(operation.Arguments[0].Value), dictionary.ValueType!.HasMutableParts ? Use.Own : Use.Peek());
        var key = Expr(operation.Arguments[1].Value);
        var fallback = operation.Arguments.Length > 2 ? Expr(operation.Arguments[2].Value) : Default(dictionary.ValueType);
        return frame =>
        {
            var table = Collections.As<TableObject>(map(frame));
            int slot = table.Find(key(frame));
            return slot >= 0 ? table.ValueAt(slot) : fallback(frame);
        };
    }

    private Expr StringStatic(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
        switch (operation.TargetMethod.Name)
        {
            case "IsNullOrEmpty":
                var text = Expr(arguments[0].Value);
                return frame => Value.Of(string.IsNullOrEmpty((string?)text(frame).Ref));
            case "Join" when arguments.Length == 2 && TypeOf(StripConversions(arguments[1].Value)) is { ElementType: { } element }:
                var separator = TextOf(arguments[0].Value);
                var values = Expr(StripConversions(arguments[1].Value), Use.Peek());
                return frame => new Value(string.Join(separator(frame), Sequences.Enumerate(values(frame).Ref).Select(element.ToText)));
            case "Concat" when arguments.Length == 1 && TypeOf(StripConversions(arguments[0].Value)) is { ElementType: StringType }:
                var strings = Expr(StripConversions(arguments[0].Value), Use.Peek());
                return frame => new Value(string.Concat(Sequences.Enumerate(strings(frame).Ref).Select(v => (string?)v.Ref)));
            case "Concat" when arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_String):
                var parts = arguments.Select(a => TextOf(a.Value)).ToArray();
                return frame => new Value(string.Concat(parts.Select(p => p(frame))));
            case "Equals" when arguments.Length == 2:
                var a = Expr(arguments[0].Value);
                var b = Expr(arguments[1].Value);
                return frame => Value.Of(string.Equals((string?)a(frame).Ref, (string?)b(frame).Ref, StringComparison.Ordinal));
            default:
                return Unsupported(operation, "the call to '" + operation.TargetMethod.ToDisplayString() + "'");
        }
    }

    private Library? StringMethod(IInvocationOperation operation)
    {
        var parameters = operation.TargetMethod.Parameters;
        switch (operation.TargetMethod.Name)
        {
            case "Contains" when parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String:
                return (_, s, v, _) => Value.Of(((string)s!).Contains((string?)v[0].Ref ?? throw Errors.Argument("Value cannot be null.", "value")));
            case "Contains" when parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_Char:
                return (_, s, v, _) => Value.Of(((string)s!).IndexOf((char)v[0].Bits) >= 0);
            case "Substring" when parameters.Length == 1:
                return (_, s, v, _) => new Value(Substring((string)s!, v[0].Bits, ((string)s!).Length - v[0].Bits));
            case "Substring" when parameters.Length == 2:
                return (_, s, v, _) => new Value(Substring((string)s!, v[0].Bits, v[1].Bits));
            case "ToUpperInvariant" when parameters.Length == 0:
                return (_, s, _, _) => new Value(((string)s!).ToUpperInvariant());
            case "ToLowerInvariant" when parameters.Length == 0:
                return (_, s, _, _) => new Value(((string)s!).ToLowerInvariant());
            default:
                return null;
        }
    }
}
