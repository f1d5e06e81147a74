using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>
/// A model the engine explores by interpreting the compiled closures of the user's class: nothing of the user's
/// assembly is loaded or run.
/// </summary>
internal sealed class InterpretedModel : IModel<InterpretedState>, IGuardedModel<InterpretedState>
{
    // One execution per thread and model, reused across steps: a step allocates only what it keeps.
    [ThreadStatic]
    private static Execution? pooled;

    private readonly StateLayout layout;
    private readonly ActionEntry[] steps;
    private readonly ActionEntry[] predicates;
    private readonly InitialEntries initial;
    private readonly object? site;

    public InterpretedModel(
        string name,
        StateLayout layout,
        IReadOnlyList<ActionInfo> actions,
        IReadOnlyList<ActionInstance> actionInstances,
        IReadOnlyList<ActionEntry> steps,
        IReadOnlyList<PredicateInstance> predicateInstances,
        IReadOnlyList<ActionEntry> predicates,
        IReadOnlyList<PropertyInstance> properties,
        InitialEntries initial,
        bool checkStuck,
        object? site)
    {
        Name = name;
        this.layout = layout;
        Actions = actions;
        ActionInstances = actionInstances;
        this.steps = steps.ToArray();
        Predicates = predicateInstances;
        this.predicates = predicates.ToArray();
        Properties = properties;
        this.initial = initial;
        CheckStuck = checkStuck;
        this.site = site;
        StateComparer = new InterpretedStateComparer(layout);
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames => layout.Names;

    public IReadOnlyList<ActionInfo> Actions { get; }

    public IReadOnlyList<ActionInstance> ActionInstances { get; }

    public IReadOnlyList<PredicateInstance> Predicates { get; }

    public IReadOnlyList<PropertyInstance> Properties { get; }

    public IEqualityComparer<InterpretedState> StateComparer { get; }

    public IReadOnlyList<InitialInstance> InitialInstances => initial.Instances;

    public bool CheckStuck { get; }

    public StepOutcome<InterpretedState> CreateInitialState(int initialInstance, StepBudget budget)
    {
        var ex = Rent();

        // As in an action, a false Require drops this combination of the constructor's arguments (TLA+ Init).
        ex.Begin(null, budget, inAction: true);
        try
        {
            foreach (var initializer in initial.Initializers)
            {
                initializer.Run(new Frame(initializer.SlotCount, null, ex));
            }

            if (initial.Constructor is { } constructor && !ex.Stopping)
            {
                var frame = new Frame(constructor.SlotCount, null, ex);
                int rest = initialInstance;
                for (int i = initial.Domains.Count - 1; i >= 0; i--)
                {
                    var values = initial.Domains[i].Values;
                    frame.Slots[i] = values[InitialCombinations.ValueIndex(ref rest, values.Count)];
                }

                constructor.Run(frame);
            }

            return ex.Stopping
                ? StepOutcome<InterpretedState>.Disabled(ex.Reason!)
                : StepOutcome<InterpretedState>.Enabled(ex.Snapshot());
        }
        catch (ModelException failure)
        {
            return ex.Stopping
                ? StepOutcome<InterpretedState>.Disabled(ex.Reason!)
                : StepOutcome<InterpretedState>.Failed(new Failure(failure.Kind, failure.Text, failure.Site ?? ex.Site ?? site));
        }
        catch (Exception failure) when (IsInternal(failure))
        {
            return ex.Stopping
                ? StepOutcome<InterpretedState>.Disabled(ex.Reason!)
                : StepOutcome<InterpretedState>.Failed(Internal(failure, ex.Site ?? site));
        }
        finally
        {
            ex.End();
        }
    }

    public StepOutcome<InterpretedState> Step(InterpretedState state, int actionInstance, StepBudget budget)
    {
        var entry = steps[actionInstance];
        var ex = Rent();
        bool guardHeld = entry.AfterGuard is not null && ex.GuardHeld(state, actionInstance);
        ex.Begin(state, budget, inAction: true);
        try
        {
            var result = guardHeld
                ? Run(ex, entry.AfterGuard!, entry, steps.Length * 2 + predicates.Length + actionInstance)
                : Run(ex, entry.Function, entry, actionInstance);
            if (ex.Stopping)
            {
                return StepOutcome<InterpretedState>.Disabled(ex.Reason!);
            }

            if (entry.ReturnsBool && !result.Bool)
            {
                return StepOutcome<InterpretedState>.Disabled(ex.ReturnReason!);
            }

            return StepOutcome<InterpretedState>.Enabled(ex.Snapshot());
        }
        catch (ModelException failure)
        {
            // Once a Require was false, nothing computed afterwards counts: the action is just disabled.
            return ex.Stopping
                ? StepOutcome<InterpretedState>.Disabled(ex.Reason!)
                : StepOutcome<InterpretedState>.Failed(new Failure(failure.Kind, failure.Text, failure.Site ?? ex.Site ?? entry.Site));
        }
        catch (Exception failure) when (IsInternal(failure))
        {
            return ex.Stopping
                ? StepOutcome<InterpretedState>.Disabled(ex.Reason!)
                : StepOutcome<InterpretedState>.Failed(Internal(failure, ex.Site ?? entry.Site));
        }
        finally
        {
            ex.End();
        }
    }

    /// <summary>
    /// Tests the guards of every action instance in one pass: an instance whose leading <c>Require</c>s do not all
    /// hold is left out, which is what its step would say, at a fraction of a step's cost. An instance whose guard
    /// fails (throws) is listed, so that its step reports the failure.
    /// </summary>
    public int PossiblyEnabled(InterpretedState state, int[] instances, StepBudget budget)
    {
        var ex = Rent();

        // Guards write nothing (GuardPurity), so they all run on the fields as loaded once.
        ex.Begin(state, budget, inAction: true);
        ex.TestingGuards(state);
        try
        {
            int count = 0;
            bool listed = false;
            for (int instance = 0; instance < steps.Length; instance++)
            {
                var entry = steps[instance];
                if (entry.SharesGuard)
                {
                    // The instance before it tested the same guard on the same arguments: its verdict stands.
                    ex.GuardHoldsAs(instance, instance - 1);
                }
                else
                {
                    listed = entry.Guard is not { } guard || Listed(ex, instance, guard);
                }

                if (listed)
                {
                    instances[count++] = instance;
                }
            }

            return count;
        }
        finally
        {
            ex.End();
        }
    }

    private bool Listed(Execution ex, int instance, CompiledFunction guard)
    {
        ex.Rearm();
        try
        {
            var frame = ex.TopFrame(steps.Length + predicates.Length + instance, guard.SlotCount);
            var arguments = steps[instance].Arguments;
            for (int i = 0; i < arguments.Length; i++)
            {
                frame.Slots[i] = arguments[i];
            }

            // A Require nested in a called helper disables the action as the step would.
            ex.GuardRuns++;
            if (!guard.Run(frame).Bool || ex.Stopping)
            {
                return false;
            }

            ex.GuardHolds(instance);
            return true;
        }
        catch (Exception failure) when (failure is ModelException || IsInternal(failure))
        {
            // Listed, so that its step runs the guard again and reports the failure.
            return true;
        }
    }

    public PredicateOutcome Evaluate(InterpretedState state, int predicate, StepBudget budget)
    {
        var ex = Rent();
        ex.Begin(state, budget, inAction: false);
        try
        {
            return Evaluate(ex, predicate);
        }
        finally
        {
            ex.End();
        }
    }

    private PredicateOutcome Evaluate(Execution ex, int predicate)
    {
        var entry = predicates[predicate];
        try
        {
            return PredicateOutcome.Of(Run(ex, entry.Function, entry, steps.Length + predicate).Bool);
        }
        catch (ModelException failure)
        {
            return PredicateOutcome.Failed(new Failure(failure.Kind, failure.Text, failure.Site ?? ex.Site ?? entry.Site));
        }
        catch (Exception failure) when (IsInternal(failure))
        {
            return PredicateOutcome.Failed(Internal(failure, ex.Site ?? entry.Site));
        }
    }

    /// <summary>
    /// A <c>[StepInvariant]</c>: the predicate runs on the state after the step, and its parameter's members read the
    /// state before it (<see cref="Execution.Before"/>).
    /// </summary>
    public PredicateOutcome EvaluateStep(InterpretedState before, InterpretedState after, int predicate, StepBudget budget)
    {
        var ex = Rent();
        ex.BeginStep(before, after, budget);
        try
        {
            return Evaluate(ex, predicate);
        }
        finally
        {
            ex.EndStep();
            ex.End();
        }
    }

    public string FormatField(InterpretedState state, int field) =>
        layout.Types[field].Format(state.Fields is { } fields ? fields[field] : layout.Packing!.DecodeField(state.Packed, field));

    private static Values.Value Run(Execution ex, CompiledFunction function, ActionEntry entry, int key)
    {
        var frame = ex.TopFrame(key, function.SlotCount);
        var arguments = entry.Arguments;
        for (int i = 0; i < arguments.Length; i++)
        {
            frame.Slots[i] = arguments[i];
        }

        ex.Site = entry.Site;
        return function.Run(frame);
    }

    // A defect of the interpreter must not take the compiler down: it becomes a failure that names itself.
    private static bool IsInternal(Exception failure) => failure is not (OperationCanceledException or OutOfMemoryException);

    private static Failure Internal(Exception failure, object? site) => new(
        FailureKind.Exception,
        "The compile-time checker failed (" + failure.GetType().Name + ": " + failure.Message + "); the generated Explore() checks this model",
        site);

    /// <summary>How many guard tests this thread ran (in <see cref="PossiblyEnabled"/>), for tests of how often a guard runs.</summary>
    internal static long GuardRunsOnThisThread => pooled?.GuardRuns ?? 0;

    private Execution Rent()
    {
        var ex = pooled;
        if (ex is null || ex.Layout != layout || ex.Busy)
        {
            // Entry points: the actions, the predicates, the actions' guards, the actions after their guards.
            ex = new Execution(layout, steps.Length + predicates.Length + steps.Length + steps.Length, steps.Length);
            pooled = ex;
        }

        return ex;
    }
}
