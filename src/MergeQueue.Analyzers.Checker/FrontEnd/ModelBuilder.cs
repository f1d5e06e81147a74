using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;
using MergeQueue.Analyzers.FrontEnd.Model;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>Builds the engine's view of a model: action instances, predicates, properties and the initial states.</summary>
internal sealed class ModelBuilder(ModelContext context)
{
    private readonly List<PredicateInstance> predicateInstances = new();
    private readonly List<ActionEntry> predicateEntries = new();
    private readonly Dictionary<(ISymbol, string), int> predicateIndex = new();

    public InterpretedModel? Build(CancellationToken cancellationToken)
    {
        var shape = context.Shape;
        var initializers = Initializers();
        var constructor = InitialConstructor();
        // Made when asked for, as in generated code: a constructor's combinations can be hundreds of thousands.
        var initialInstances = new InitialCombinations(shape.ConstructorDomains
            .Select(d => (IReadOnlyList<string>)Enumerable.Range(0, d.Values.Count).Select(d.Display).ToArray())
            .ToArray());

        var actions = new List<ActionInfo>();
        var instances = new List<ActionInstance>();
        var steps = new List<ActionEntry>();
        var groups = new FairnessGroups();
        foreach (var action in shape.Actions)
        {
            var function = context.Function(action.Method, action.Location);
            var guard = function is null ? null : context.Guard(action);
            int index = actions.Count;
            actions.Add(new ActionInfo(action.Method.Name, action.Fairness, action.Location));
            int[]? previous = null;
            foreach (var combination in DomainCombinations.Of(action.Domains))
            {
                instances.Add(new ActionInstance(index, Arguments(action.Domains, combination), groups.Of(index, action, combination)));
                if (function is not null)
                {
                    // An instance whose guard reads no parameter after those it shares with the one before takes that one's verdict.
                    bool shares = guard is not null && action.Guard!.Shares(previous, combination);
                    steps.Add(new ActionEntry(function, Values(action.Domains, combination), action.Location, action.ReturnsBool, guard?.Test, guard?.AfterGuard, shares));
                }

                previous = combination;
            }
        }

        var properties = Properties();
        context.CompilePending();
        cancellationToken.ThrowIfCancellationRequested();
        if (context.Diagnostics.Blocking)
        {
            return null;
        }

        new StaticInitializer(context).Run(cancellationToken);
        if (context.Diagnostics.Blocking)
        {
            return null;
        }

        return new InterpretedModel(
            shape.Type.Name,
            context.Layout,
            actions,
            instances,
            steps,
            predicateInstances,
            predicateEntries,
            properties,
            new InitialEntries(initializers, constructor, initialInstances, shape.ConstructorDomains),
            shape.CheckStuck,
            shape.Location);
    }

    private List<PropertyInstance> Properties()
    {
        var properties = new List<PropertyInstance>();
        foreach (var property in context.Shape.Properties)
        {
            foreach (var combination in DomainCombinations.Of(property.Domains))
            {
                int predicate = Predicate(property.Member, property.Domains, combination, property.Location);
                int target = -1;
                if (property.Target is { } targetMember)
                {
                    bool sameParameters = targetMember is IMethodSymbol { Parameters.Length: > 0 };
                    target = sameParameters
                        ? Predicate(targetMember, property.Domains, combination, SourceOrder.Location(targetMember))
                        : Predicate(targetMember, new List<ParameterDomain>(), new int[0], SourceOrder.Location(targetMember));
                }

                properties.Add(new PropertyInstance(property.Kind, predicate, target, property.Location));
            }
        }

        return properties;
    }

    private int Predicate(ISymbol member, IReadOnlyList<ParameterDomain> domains, int[] combination, Location location)
    {
        var arguments = Arguments(domains, combination);
        var key = (member, string.Join(", ", arguments));
        if (predicateIndex.TryGetValue(key, out int index))
        {
            return index;
        }

        var function = PredicateFunction(member, location);
        index = predicateInstances.Count;
        predicateIndex.Add(key, index);
        predicateInstances.Add(new PredicateInstance(member.Name, arguments));
        predicateEntries.Add(new ActionEntry(function ?? new CompiledFunction(member.Name, 0), Values(domains, combination), location, ReturnsBool: false));
        return index;
    }

    private CompiledFunction? PredicateFunction(ISymbol member, Location location)
    {
        if (member is IMethodSymbol method)
        {
            return context.Function(method, location);
        }

        var property = (IPropertySymbol)member;
        if (property.GetMethod is { } getter && context.BodyOf(getter) is not null)
        {
            return context.Function(getter, location);
        }

        // A bool auto-property: the predicate reads its field.
        if (context.TryGetAutoProperty(property, out int slot))
        {
            return new CompiledFunction(property.Name, 0) { ExpressionBody = frame => frame.Ex.Fields[slot], ExpressionSite = location };
        }

        context.Diagnostics.Unsupported(location, "the property '" + property.Name + "' (its getter is not available)");
        return null;
    }

    /// <summary>Field initializers in state order (the constructor runs after them, with its arguments).</summary>
    private List<CompiledFunction> Initializers()
    {
        var functions = new List<CompiledFunction>();
        var seen = new HashSet<IOperation>();
        foreach (var field in context.Shape.Fields)
        {
            var owner = (ISymbol?)field.Symbol.AssociatedSymbol ?? field.Symbol;
            if (context.InitializerOf(owner) is { } initializer && seen.Add(initializer))
            {
                var function = new CompiledFunction(owner.Name + " initializer", 0);
                new BodyCompiler(context).CompileInitializer(initializer, owner, function);
                functions.Add(function);
            }
        }

        return functions;
    }

    /// <summary>The constructor that builds the initial states, when it has a body to run.</summary>
    private CompiledFunction? InitialConstructor() =>
        context.Shape.Constructor is { } constructor && context.BodyOf(constructor) is not null
            ? context.Function(constructor, SourceOrder.Location(constructor))
            : null;

    private static IReadOnlyList<string> Arguments(IReadOnlyList<ParameterDomain> domains, int[] combination) =>
        domains.Select((d, i) => d.Display(combination[i])).ToArray();

    private static Value[] Values(IReadOnlyList<ParameterDomain> domains, int[] combination) =>
        domains.Select((d, i) => d.Values[combination[i]]).ToArray();
}
