namespace MergeQueue.Analyzers;

/// <summary>The fairness of an action, over all its argument values (or per value of a <see cref="ProcessAttribute"/> parameter).</summary>
public enum Fairness
{
    /// <summary>An action that stays enabled is eventually taken (TLA+ <c>WF_vars</c>).</summary>
    Weak = 0,

    /// <summary>An action enabled infinitely often is taken infinitely often (TLA+ <c>SF_vars</c>).</summary>
    Strong = 1,

    /// <summary>No promise: the environment may never take the action.</summary>
    None = 2,
}
