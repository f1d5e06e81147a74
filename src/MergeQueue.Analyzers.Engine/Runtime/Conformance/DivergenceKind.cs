namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>The ways an implementation leaves its model.</summary>
internal enum DivergenceKind
{
    /// <summary>It threw on a step the model takes.</summary>
    Refused,

    /// <summary>After a step, <c>Matches</c> said its state is not the model's.</summary>
    Mismatch,

    /// <summary><c>Matches</c> itself threw.</summary>
    MatchesThrew,

    /// <summary>It took a step the model refuses (checked with <c>ConformanceOptions.CheckRefusals</c>).</summary>
    Accepted,

    /// <summary>A new implementation matches none of the model's initial states.</summary>
    NoInitialMatch,
}
