namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>The versions of the merge-queue family (TLC on the PlusCal specs MQ1_Naive to MQ5_Fixed).</summary>
internal enum QueueVersion
{
    /// <summary>1: CI never fails; no Block.</summary>
    Naive,

    /// <summary>2 and 3: CI may fail, and a failed PR is blocked.</summary>
    CiFailures,

    /// <summary>4: merges in queue order; a blocked PR keeps its stamp and holds back later PRs.</summary>
    Ordered,

    /// <summary>5: as 4, but blocking clears the stamp.</summary>
    Fixed,
}
