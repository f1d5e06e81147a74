namespace Acme.MergeQueue.Buggy;

/// <summary>Where a pull request stands once it has been put in the merge queue.</summary>
public enum MergeStatus
{
    /// <summary>In the queue, waiting for its CI run.</summary>
    AwaitingCi,

    /// <summary>CI passed; it merges when it reaches the head of the queue.</summary>
    Ready,

    /// <summary>CI failed; it holds its place until someone blocks it.</summary>
    CiFailed,

    /// <summary>Merged into the main branch.</summary>
    Merged,

    /// <summary>Taken out of the queue after a failed CI run.</summary>
    Blocked,
}
