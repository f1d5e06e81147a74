using System.Threading;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// How much work one execution (an action, a predicate, the initial state) may do before it counts as a
/// failure, so that a <c>while (true)</c> in a model is a diagnostic and never a hang.
/// </summary>
/// <param name="MaxSteps">Statements, loop iterations and calls one execution may run.</param>
/// <param name="Cancellation">Checked by long executions.</param>
public readonly record struct StepBudget(long MaxSteps, CancellationToken Cancellation);
