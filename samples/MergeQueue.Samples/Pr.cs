namespace MergeQueue.Samples;

/// <summary>Where a pull request is in the merge queue.</summary>
public enum Pr
{
    Pending,
    Waiting,
    Validated,
    Failed,
    Merged,
    Blocked,
}
