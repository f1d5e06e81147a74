namespace MergeQueue.Analyzers.Engine;

/// <summary>The engine's copy of the public <c>Fairness</c> enum, so that the engine does not depend on the attributes.</summary>
public enum ActionFairness
{
    /// <summary>WF_vars.</summary>
    Weak = 0,

    /// <summary>SF_vars.</summary>
    Strong = 1,

    /// <summary>No promise.</summary>
    None = 2,
}
