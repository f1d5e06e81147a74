using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Places;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Instances of the model a property makes for itself (<c>(M)MemberwiseClone()</c>, <c>this</c> handed to a helper):
/// property purity (<c>Shape.FreshInstances</c>) lets a property run the model's methods on them, as Braf's step
/// invariants ask "is before --> this a Seek(o) step?" by running Seek on a clone. Each holds its own fields; a method
/// runs on them as an action runs on a state, copying what it writes first, so no state is ever written.
/// </summary>
internal sealed partial class BodyCompiler
{
    /// <summary>The model's class as the type of a value (a local, a parameter, a lambda's parameter).</summary>
    private ModelInstanceType InstanceType =>
        instanceType ??= new ModelInstanceType(model.Shape.Type.Name, model.Shape.Type.ToDisplayString());

    private ModelInstanceType? instanceType;

    /// <summary><c>this</c> or <c>MemberwiseClone()</c> as a value: a copy of the fields as they are now.</summary>
    private static Expr Snapshot() => frame => new Value(new ModelInstance((Value[])frame.Ex.Fields.Clone()));

    /// <summary>A field of, or a call on, an instance of the model held in a variable.</summary>
    private Expr InstanceMember(IOperation at, IOperation instance, int slot, Use use, IMethodSymbol? member, ImmutableArray<IArgumentOperation> arguments)
    {
        var receiver = Expr(instance, Use.Peek());
        if (slot >= 0)
        {
            // The instance owns what a reader may keep or write only once it has a copy of its own.
            var type = model.Layout.Types[slot];
            bool own = type.HasMutableParts && !use.IsPeek;
            return frame =>
            {
                var target = Target(receiver(frame));
                if (own)
                {
                    target.Own(slot, type);
                }

                return target.Fields[slot];
            };
        }

        if (member is null || member.IsGenericMethod || (!arguments.IsDefault && arguments.Any(a => a.Parameter?.RefKind is not (null or RefKind.None))))
        {
            return Unsupported(at, "the member '" + (member?.ToDisplayString() ?? at.Syntax.ToString()) + "' of another instance of '" + model.Shape.Type.Name + "'");
        }

        var function = model.Function(member, Loc(at));
        if (function is null)
        {
            return Nothing;
        }

        effects.MarkUnknown();
        var inputs = (arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments)
            .Select((a, i) => (Slot: a.Parameter?.Ordinal ?? i, Value: Expr(a.Value)))
            .ToArray();
        var site = Loc(at);
        return frame =>
        {
            var target = Target(receiver(frame));
            var run = frame.Ex.InstanceRun(target.Fields);
            try
            {
                var callee = new Frame(function.SlotCount, null, run);
                foreach (var (parameter, value) in inputs)
                {
                    callee.Slots[parameter] = value(frame);
                }

                var result = Run(run, function, callee, site);
                if (run.Stopping)
                {
                    // A false Require in the method stops the property that called it, as it would in its own body.
                    frame.Ex.Disable(run.Reason!);
                }

                target.Replace((Value[])run.Fields.Clone());
                return result;
            }
            finally
            {
                run.End();
            }
        };
    }

    /// <summary>A field of an instance of the model held in a variable, as an assignment target.</summary>
    private Place InstanceFieldPlace(IOperation instance, int slot) => new InstanceFieldPlace(Expr(instance, Use.Peek()), slot);

    private static ModelInstance Target(Value value) => value.Ref as ModelInstance ?? throw Errors.NullReference();

    private bool IsInstanceOfModel(IOperation? operation) => operation?.Type is { } type && model.IsModel(type);
}
