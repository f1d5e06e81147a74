using System;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// <c>System.Linq.Enumerable</c>. A query that consumes its source at once (<c>All</c>, <c>Count</c>, …) reads a
/// state field in place; a deferred one (<c>Where</c>, <c>Select</c>, …) does so only when its own consumer does.
/// </summary>
internal sealed partial class BodyCompiler
{
    // The lambda being compiled as an argument of one of those.
    private IOperation? consumedAtOnce;

    // The query being compiled as the source of a call that uses it up before returning.
    private IOperation? consumedSource;

    private Expr Linq(IInvocationOperation operation, Use use, LibraryMember member)
    {
        // A deferred query that is the source of such a call (xs.Where(…).Select(…).ToList()) is used up then too,
        // lambdas included, so they are done when that call returns.
        bool usedUp = member.ConsumesLambdaAtOnce || ReferenceEquals(operation, consumedSource);
        consumedSource = null;
        var method = operation.TargetMethod;
        string name = method.Name;
        var arguments = operation.Arguments;
        switch (name)
        {
            case "Range" when arguments[0].Value.ConstantValue is { HasValue: true, Value: int first }
                && arguments[1].Value.ConstantValue is { HasValue: true, Value: int length }
                && length >= 0 && (long)first + length - 1 <= int.MaxValue:
                // Immutable, so one object serves every evaluation.
                var range = new Value(LazyLinq.Range(first, length));
                return _ => range;
            case "Range":
                var start = Expr(arguments[0].Value);
                var count = Expr(arguments[1].Value);
                return frame => new Value(LazyLinq.Range(start(frame).Bits, count(frame).Bits));
            case "Repeat":
                var element = Expr(arguments[0].Value);
                var times = Expr(arguments[1].Value);
                return frame => new Value(LazyLinq.Repeat(element(frame), times(frame).Bits));
            case "Empty":
                return _ => new Value(new ArrayObject(Array.Empty<Value>()));
        }

        var sourceOperation = arguments.Length > 0 ? StripConversions(arguments[0].Value) : null;
        var itemType = sourceOperation is null ? null : TypeOf(sourceOperation)?.ElementType;
        if (sourceOperation is null || itemType is null)
        {
            return Unsupported(operation, "the call to '" + method.ToDisplayString() + "'");
        }

        bool deferred = member.Deferred;
        var others = new Expr[arguments.Length - 1];
        var othersUse = deferred && !use.IsPeek ? Use.Own : Use.Peek();
        var otherEffects = Track(() =>
        {
            for (int i = 1; i < arguments.Length; i++)
            {
                var argument = i == 1 && name is "Concat" or "Union" or "Intersect" or "Except" or "Zip" ? StripConversions(arguments[i].Value) : arguments[i].Value;
                // A query done with its lambda when it returns: the lambda cannot outlive the call (see DelegateCreation).
                consumedAtOnce = argument is IDelegateCreationOperation && usedUp ? argument : null;
                others[i - 1] = Expr(argument, Carries(Types.Map(argument.Type)) && argument is not IDelegateCreationOperation ? Use.Own : othersUse);
                consumedAtOnce = null;
            }
        });
        var sourceUse = itemType.HasMutableParts ? Use.Own
            : deferred ? (use.IsPeek ? Use.Peek(EffectSet.Union(use.Later, otherEffects)) : Use.Own)
            : Use.Peek(otherEffects);
        consumedSource = usedUp ? sourceOperation : null;
        var source = Expr(sourceOperation, sourceUse);
        consumedSource = null;
        var delegates = method.Parameters.Skip(1).Select(p => p.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate } d ? d.DelegateInvokeMethod!.Parameters.Length : 0).ToArray();
        int lambda = Array.FindIndex(delegates, n => n > 0);
        Expr? function = lambda >= 0 ? others[lambda] : null;
        Expr? plain = others.Where((_, i) => delegates[i] == 0).FirstOrDefault();
        bool indexed = lambda >= 0 && delegates[lambda] == 2;
        return LinqCall(operation, name, itemType, source, function, plain, indexed, others) ?? Unsupported(operation, "the call to '" + method.ToDisplayString() + "'");
    }

    private static Closure? ClosureOf(Expr? function, Frame frame) => function is null ? null : Collections.As<Closure>(function(frame));

    private Expr? LinqCall(IInvocationOperation operation, string name, VType itemType, Expr source, Expr? function, Expr? plain, bool indexed, Expr[] others)
    {
        var resultType = TypeOf(operation);
        if (resultType is null)
        {
            return Nothing;
        }

        switch (name)
        {
            case "All" when function is not null:
                return frame => Value.Of(Runtime.Linq.All(frame.Ex, source(frame), ClosureOf(function, frame)!));
            case "Any":
                return frame => Value.Of(Runtime.Linq.Any(frame.Ex, source(frame), ClosureOf(function, frame)));
            case "Count" or "LongCount":
                return frame => new Value(Runtime.Linq.Count(frame.Ex, source(frame), ClosureOf(function, frame)));
            case "Contains" when others.Length == 1:
                return frame => Value.Of(Runtime.Linq.Contains(frame.Ex, source(frame), plain!(frame), itemType));
            case "Sum" when KindOf(operation.Type) is IntKind.Int32 or IntKind.Int64:
                var kind = KindOf(operation.Type)!.Value;
                return frame => new Value(Runtime.Linq.Sum(frame.Ex, source(frame), ClosureOf(function, frame), kind));
            case "Min" or "Max" when IsCultureFreeOrder(resultType):
                bool max = name == "Max";
                return frame => Runtime.Linq.Extreme(frame.Ex, source(frame), ClosureOf(function, frame), resultType, max);
            case "First" or "Last" or "Single" or "FirstOrDefault" or "LastOrDefault" or "SingleOrDefault":
                string mode = name.Replace("OrDefault", string.Empty);
                bool orDefault = name.EndsWith("OrDefault", StringComparison.Ordinal);
                var fallback = resultType.Default;
                return frame => Runtime.Linq.Pick(
                    frame.Ex, source(frame), ClosureOf(function, frame), mode, orDefault ? plain?.Invoke(frame) ?? fallback : null);
            case "ElementAt" or "ElementAtOrDefault" when KindOf(operation.Arguments[1].Value.Type) is IntKind.Int32:
                var missing = name == "ElementAtOrDefault" ? resultType.Default : (Value?)null;
                return frame => Runtime.Linq.ElementAt(frame.Ex, source(frame), plain!(frame).Bits, missing);
            case "ToArray":
                return frame => new Value(new ArrayObject(Runtime.Linq.ToArray(frame.Ex, source(frame))));
            case "ToList":
                return frame =>
                {
                    var items = Runtime.Linq.ToList(frame.Ex, source(frame));
                    return new Value(new ListObject(items.ToArray(), items.Count));
                };
            case "ToHashSet" when others.Length == 0:
                var build = Builder(resultType, operation);
                return frame => build(Runtime.Linq.ToList(frame.Ex, source(frame)));
            case "SequenceEqual" when others.Length == 1:
                return frame => Value.Of(Runtime.Linq.SequenceEqual(frame.Ex, source(frame), plain!(frame), itemType));
            case "Aggregate" when function is not null && others.Length <= 2 && (others.Length == 1 || plain is not null):
                return frame => Runtime.Linq.Aggregate(frame.Ex, source(frame), plain?.Invoke(frame), ClosureOf(function, frame)!);
            case "Where" when function is not null:
                return frame => new Value(LazyLinq.Where(frame.Ex, source(frame), ClosureOf(function, frame)!, indexed));
            case "Select" when function is not null:
                return frame => new Value(LazyLinq.Select(frame.Ex, source(frame), ClosureOf(function, frame)!, indexed));
            case "Skip" or "Take":
                bool skip = name == "Skip";
                return frame => new Value(skip ? LazyLinq.Skip(source(frame), plain!(frame).Bits) : LazyLinq.Take(source(frame), plain!(frame).Bits));
            case "Reverse":
                return frame => new Value(LazyLinq.Reverse(source(frame)));
            case "Distinct" when others.Length == 0:
                return frame => new Value(LazyLinq.Distinct(source(frame), itemType));
            case "OrderBy" or "OrderByDescending" when function is not null && others.Length == 1:
                if (KeyOrder(((INamedTypeSymbol)operation.TargetMethod.Parameters[1].Type).DelegateInvokeMethod!.ReturnType, operation) is not { } keyOrder)
                {
                    return Nothing;
                }

                bool descending = name == "OrderByDescending";
                return frame => new Value(LazyLinq.OrderBy(frame.Ex, source(frame), ClosureOf(function, frame)!, keyOrder, descending));
            case "Concat":
                return frame => new Value(LazyLinq.Concat(source(frame), others[0](frame)));
            case "Append" or "Prepend":
                bool append = name == "Append";
                return frame => new Value(append ? LazyLinq.Append(source(frame), others[0](frame)) : LazyLinq.Prepend(source(frame), others[0](frame)));
            default:
                return LinqShapeCall(operation, name, itemType, resultType, source, function, others);
        }
    }

    private Expr MathCall(IInvocationOperation operation)
    {
        var arguments = operation.Arguments;
        if (KindOf(operation.Type) is not { } kind || arguments.Any(a => KindOf(a.Value.Type) is null))
        {
            return Unsupported(operation, "the call to '" + operation.TargetMethod.ToDisplayString() + "'");
        }

        var values = arguments.Select(a => Expr(a.Value)).ToArray();
        switch (operation.TargetMethod.Name)
        {
            case "Min" or "Max" when values.Length == 2:
                bool max = operation.TargetMethod.Name == "Max";
                return frame =>
                {
                    var a = values[0](frame);
                    var b = values[1](frame);
                    int order = IntKinds.Compare(kind, a.Bits, b.Bits);
                    return max ? (order >= 0 ? a : b) : (order <= 0 ? a : b);
                };
            case "Abs" when values.Length == 1:
                return frame =>
                {
                    long a = values[0](frame).Bits;
                    if (a == IntKinds.Min(kind) && a < 0)
                    {
                        throw Errors.NegateMinValue();
                    }

                    return new Value(Math.Abs(a));
                };
            case "Sign" when values.Length == 1:
                var argumentKind = KindOf(arguments[0].Value.Type)!.Value;
                return frame => new Value(IntKinds.Compare(argumentKind, values[0](frame).Bits, 0));
            case "Clamp" when values.Length == 3:
                return frame =>
                {
                    var v = values[0](frame);
                    var low = values[1](frame);
                    var high = values[2](frame);
                    if (IntKinds.Compare(kind, low.Bits, high.Bits) > 0)
                    {
                        throw ModelException.Of("ArgumentException", "'" + IntKinds.ToText(kind, low.Bits) + "' cannot be greater than " + IntKinds.ToText(kind, high.Bits) + ".");
                    }

                    return IntKinds.Compare(kind, v.Bits, low.Bits) < 0 ? low : IntKinds.Compare(kind, v.Bits, high.Bits) > 0 ? high : v;
                };
            default:
                return Unsupported(operation, "the call to '" + operation.TargetMethod.ToDisplayString() + "'");
        }
    }
}
