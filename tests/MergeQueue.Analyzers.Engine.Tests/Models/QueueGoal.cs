namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>The <c>[Eventually]</c> property a merge-queue model checks (TLC's PROPERTY line).</summary>
internal enum QueueGoal
{
    /// <summary>No liveness property: safety only.</summary>
    None,

    /// <summary><c>EveryPrMerged</c>: &lt;&gt;(every PR merged).</summary>
    AllMerged,

    /// <summary><c>EveryPrValidated</c>: &lt;&gt;(every PR queued-validated at once), TLC's sanity check.</summary>
    AllValidated,

    /// <summary><c>EveryPrResolved</c>: &lt;&gt;(every PR merged or blocked).</summary>
    AllDone,
}
