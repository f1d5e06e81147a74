using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// A <c>[StepInvariant]</c>'s parameter is the state before the step, while <c>this</c> is the state after it: its
/// fields and auto-properties read <see cref="Execution.Before"/>, and its methods and computed properties (a
/// refinement mapping, say) run on <see cref="Execution.BeforeRun"/>, an execution over those fields.
/// </summary>
internal sealed partial class BodyCompiler
{
    /// <summary>
    /// A member of another instance of the model. For a step invariant's parameter: the field at
    /// <paramref name="slot"/> of the state before the step, or a call of <paramref name="member"/> on it; anything
    /// else is reported as <paramref name="what"/> another instance.
    /// </summary>
    private Expr OtherInstance(IOperation operation, IOperation? instance, int slot, Use use, string what, IMethodSymbol? member = null, ImmutableArray<IArgumentOperation> arguments = default)
    {
        if (!IsStateBefore(instance))
        {
            return IsInstanceOfModel(instance)
                ? InstanceMember(operation, instance!, slot, use, member, arguments)
                : Unsupported(operation, what + " another instance of '" + model.Shape.Type.Name + "'");
        }

        if (slot >= 0)
        {
            // The state before is stored: a reader that may keep or write the object gets a copy.
            var type = model.Layout.Types[slot];
            return use.IsPeek || !type.HasMutableParts
                ? frame => frame.Ex.Before![slot]
                : frame => type.DeepCopy(frame.Ex.Before![slot]);
        }

        return member is null ? Unsupported(operation, what + " the state before the step") : BeforeCall(operation, member, arguments);
    }

    /// <summary>A method or getter of the model run on the state before the step, its arguments evaluated here.</summary>
    private Expr BeforeCall(IOperation at, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method.IsGenericMethod || (!arguments.IsDefault && arguments.Any(a => a.Parameter?.RefKind is not (null or RefKind.None))))
        {
            return Unsupported(at, "the call '" + method.ToDisplayString() + "' on the state before the step");
        }

        var function = model.Function(method, Loc(at));
        if (function is null)
        {
            return Nothing;
        }

        var inputs = new List<(int Slot, Expr Value)>();
        foreach (var argument in arguments.IsDefault ? ImmutableArray<IArgumentOperation>.Empty : arguments)
        {
            inputs.Add((argument.Parameter?.Ordinal ?? inputs.Count, Expr(argument.Value)));
        }

        var values = inputs.ToArray();
        var site = Loc(at);
        return frame =>
        {
            var before = frame.Ex.BeforeRun();
            var callee = new Frame(function.SlotCount, null, before);
            foreach (var (slot, value) in values)
            {
                callee.Slots[slot] = value(frame);
            }

            return Run(before, function, callee, site);
        };
    }

    private bool IsStateBefore(IOperation? instance) =>
        instance is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol method } parameter }
        && model.IsModel(parameter.Type)
        && method.GetAttributes().Any(a => KnownSymbols.IsAttribute(a, KnownSymbols.StepInvariant));
}
