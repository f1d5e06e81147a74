namespace MergeQueue.Analyzers.Engine;

/// <summary>What a property asks of the reachable states or of the fair behaviors.</summary>
public enum PropertyKind
{
    /// <summary>True in every reachable state.</summary>
    Invariant,

    /// <summary>A state with no enabled action is fine where it holds.</summary>
    Terminal,

    /// <summary>True in some reachable state.</summary>
    Reachable,

    /// <summary>&lt;&gt;P on every fair behavior.</summary>
    Eventually,

    /// <summary>[]&lt;&gt;P on every fair behavior.</summary>
    AlwaysEventually,

    /// <summary>P ~&gt; Q on every fair behavior.</summary>
    LeadsTo,

    /// <summary>
    /// TLC's <c>CONSTRAINT</c>: a state where it is false is checked against the invariants but not counted, stored or
    /// explored further.
    /// </summary>
    Constraint,

    /// <summary>
    /// True for every step that changes the state (TLA+ <c>[][A]_vars</c>); evaluated with
    /// <see cref="IModel{TState}.EvaluateStep"/>.
    /// </summary>
    StepInvariant,
}
