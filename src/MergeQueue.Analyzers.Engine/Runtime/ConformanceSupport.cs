using System;
using System.Collections.Generic;
using MergeQueue.Analyzers.Engine.Runtime.Conformance;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// What a model's generated <c>CheckConformance</c> and <c>ValidateTrace</c> call: the generated code knows the
/// model's driver interface and snapshot type, the engine does the exploring, driving, replaying and reporting.
/// </summary>
public static class ConformanceSupport
{
    /// <summary>
    /// Explores the model, then drives fresh implementations along the shortest path to every transition and through
    /// it, checking after each step that the implementation took it and matches the model's state.
    /// </summary>
    /// <typeparam name="TModel">The <c>[StateMachine]</c> class.</typeparam>
    /// <typeparam name="TState">What the adapter stores as a state.</typeparam>
    /// <typeparam name="TDriver">The model's generated driver interface.</typeparam>
    /// <param name="adapter">The model's generated adapter.</param>
    /// <param name="newDriver">Makes a driver over a new implementation.</param>
    /// <param name="perform">Performs one action instance on a driver (throwing: the implementation refused it).</param>
    /// <param name="matches">Whether the driver's implementation matches a model state.</param>
    /// <param name="options">Bounds and choices; null for the defaults.</param>
    /// <returns>The verdict, coverage, and the shortest divergence found.</returns>
    public static ConformanceResult Check<TModel, TState, TDriver>(
        ModelAdapter<TModel, TState> adapter,
        Func<TDriver> newDriver,
        Action<TDriver, int> perform,
        Func<TDriver, TModel, bool> matches,
        ConformanceOptions? options)
        where TModel : class =>
        new ConformanceRun<TModel, TState, TDriver>(adapter, newDriver, perform, matches, options).Run();

    /// <summary>Whether <paramref name="steps"/> are a behavior of the model, and if not, the first step that is not.</summary>
    /// <typeparam name="TModel">The <c>[StateMachine]</c> class.</typeparam>
    /// <typeparam name="TState">What the adapter stores as a state.</typeparam>
    /// <param name="adapter">The model's generated adapter.</param>
    /// <param name="parameterNames">Per action, its parameter names in declaration order.</param>
    /// <param name="instanceValues">Per action instance, its parameter values.</param>
    /// <param name="steps">The recorded steps.</param>
    /// <returns>The verdict, where it failed and why.</returns>
    public static TraceValidationResult Validate<TModel, TState>(
        ModelAdapter<TModel, TState> adapter,
        IReadOnlyList<IReadOnlyList<string>> parameterNames,
        IReadOnlyList<object?[]> instanceValues,
        IEnumerable<ModelStep> steps)
        where TModel : class
    {
        var model = adapter as IModel<TState> ?? throw new ArgumentException("The adapter is not a model.", nameof(adapter));
        return new TraceValidation<TState>(model, parameterNames, instanceValues).Validate(steps);
    }
}
