namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>A PR's status in the merge queue models (SPEC.md §1), in declaration order.</summary>
internal enum Pr
{
    Pending,
    Waiting,
    Validated,
    Failed,
    Merged,
    Blocked,
}
