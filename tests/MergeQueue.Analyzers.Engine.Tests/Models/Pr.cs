namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>A PR's status in the merge queue models (the user contract), in declaration order.</summary>
internal enum Pr
{
    Pending,
    Waiting,
    Validated,
    Failed,
    Merged,
    Blocked,
}
