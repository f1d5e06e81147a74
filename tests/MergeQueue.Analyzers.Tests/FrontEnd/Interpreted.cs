using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd;
using MergeQueue.Analyzers.FrontEnd.Model;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd;

/// <summary>
/// A compiled test model driven by hand: build the initial state, step action instances by their display text,
/// evaluate predicates, read fields as the trace prints them.
/// </summary>
internal sealed class Interpreted
{
    public static readonly StepBudget Budget = new(100_000, default);

    private Interpreted(IModel<InterpretedState> model, InterpretedState state)
    {
        Model = model;
        State = state;
    }

    public IModel<InterpretedState> Model { get; }

    public InterpretedState State { get; private set; }

    /// <summary>Compiles a model class named <c>M</c> (or <paramref name="typeName"/>) from a class body.</summary>
    public static Interpreted Of(string members, string extra = "", string typeName = "M") =>
        From(Source(members, extra, typeName), typeName);

    public static string Source(string members, string extra = "", string typeName = "M") =>
        TestCompilation.Usings + extra + "\n[StateMachine]\npublic class " + typeName + "\n{\n" + members + "\n}\n";

    public static Interpreted From(string source, string typeName)
    {
        var compiled = ModelSources.Compile(typeName, source);
        Assert.True(compiled.Model is not null, "The model did not compile:\n" + string.Join("\n", compiled.Diagnostics));
        Assert.Empty(compiled.Diagnostics);
        var initial = compiled.Model!.CreateInitialState(0, Budget);
        Assert.True(initial.Kind == StepOutcomeKind.Enabled, "The initial state failed: " + initial.Failure);
        return new Interpreted(compiled.Model, initial.Successor);
    }

    /// <summary>The diagnostics of a model that is expected not to compile.</summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(string members, string extra = "", string typeName = "M")
    {
        var compiled = ModelSources.Compile(typeName, Source(members, extra, typeName));
        Assert.Null(compiled.Model);
        return compiled.Diagnostics;
    }

    public string this[string field] => Model.FormatField(State, Field(field));

    public int Field(string name)
    {
        int index = Model.FieldNames.ToList().IndexOf(name);
        Assert.True(index >= 0, "No field '" + name + "' in " + string.Join(", ", Model.FieldNames));
        return index;
    }

    public int Instance(string display)
    {
        var instances = Model.ActionInstances.Select(i => i.Display(Model.Actions)).ToList();
        int index = instances.IndexOf(display);
        Assert.True(index >= 0, "No action instance '" + display + "' in " + string.Join(", ", instances));
        return index;
    }

    /// <summary>Runs an action instance (<c>"Enqueue(p: 0)"</c>) and keeps its successor when enabled.</summary>
    public StepOutcome<InterpretedState> Step(string display)
    {
        var outcome = Model.Step(State, Instance(display), Budget);
        if (outcome.Kind == StepOutcomeKind.Enabled)
        {
            State = outcome.Successor;
        }

        return outcome;
    }

    /// <summary>Runs an action instance that must be enabled.</summary>
    public Interpreted Do(string display)
    {
        var outcome = Step(display);
        Assert.True(outcome.Kind == StepOutcomeKind.Enabled, display + " was " + outcome.Kind + ": " + (outcome.Reason?.Text ?? outcome.Failure?.ToString()));
        return this;
    }

    public Failure Fails(string display)
    {
        var outcome = Step(display);
        Assert.Equal(StepOutcomeKind.Failed, outcome.Kind);
        return outcome.Failure!;
    }

    public DisabledReason Disabled(string display)
    {
        var outcome = Step(display);
        Assert.Equal(StepOutcomeKind.Disabled, outcome.Kind);
        return outcome.Reason!;
    }

    public PredicateOutcome Evaluate(string display)
    {
        var predicates = Model.Predicates.Select(p => p.Display).ToList();
        int index = predicates.IndexOf(display);
        Assert.True(index >= 0, "No predicate '" + display + "' in " + string.Join(", ", predicates));
        return Model.Evaluate(State, index, Budget);
    }

    public bool Holds(string display)
    {
        var outcome = Evaluate(display);
        Assert.True(outcome.Failure is null, "The predicate failed: " + outcome.Failure);
        return outcome.Value;
    }

    public string Fields() => string.Join(", ", Model.FieldNames.Select((name, i) => name + " = " + Model.FormatField(State, i)));

    public static string Line(Location location) => (location.GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(object? site) => site is Location location ? location.SourceTree!.ToString().Substring(location.SourceSpan.Start, location.SourceSpan.Length) : throw new ArgumentException("not a location");
}
