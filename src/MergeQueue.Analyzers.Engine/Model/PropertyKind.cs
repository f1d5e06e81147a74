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
}
