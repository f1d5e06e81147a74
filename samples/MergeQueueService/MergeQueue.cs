using System;
using System.Collections.Generic;

namespace Acme.MergeQueue;

/// <summary>
/// A merge queue: pull requests merge in the order they were queued, each once its CI run passed. A PR whose CI run
/// failed holds back the PRs behind it until it is blocked, which takes it out of the queue.
/// </summary>
public sealed class MergeQueue
{
    private readonly List<int> queue = new();
    private readonly Dictionary<int, MergeStatus> statuses = new();
    private readonly IMergeQueueAudit? audit;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="audit">Where each accepted operation is recorded; null for nowhere.</param>
    public MergeQueue(IMergeQueueAudit? audit = null) => this.audit = audit;

    /// <summary>The PR numbers still to merge, head first.</summary>
    public IReadOnlyList<int> Queue => queue;

    /// <summary>The status of a PR, or null if it was never enqueued.</summary>
    public MergeStatus? StatusOf(int number) => statuses.TryGetValue(number, out var status) ? status : null;

    /// <summary>Puts a PR at the back of the queue and waits for its CI run.</summary>
    public void Enqueue(int number)
    {
        if (number <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "PR numbers start at 1.");
        }

        if (statuses.TryGetValue(number, out var status))
        {
            throw new InvalidOperationException($"PR #{number} is already known ({status}).");
        }

        statuses.Add(number, MergeStatus.AwaitingCi);
        queue.Add(number);
        audit?.Record(nameof(Enqueue), number, null);
    }

    /// <summary>Records the outcome of a PR's CI run.</summary>
    public void RecordCiResult(int number, bool passed)
    {
        var status = Known(number);
        if (status != MergeStatus.AwaitingCi)
        {
            throw new InvalidOperationException($"PR #{number} is not waiting for CI ({status}).");
        }

        statuses[number] = passed ? MergeStatus.Ready : MergeStatus.CiFailed;
        audit?.Record(nameof(RecordCiResult), number, passed);
    }

    /// <summary>Merges a PR that passed CI and is at the head of the queue.</summary>
    public void Merge(int number)
    {
        var status = Known(number);
        if (status != MergeStatus.Ready)
        {
            throw new InvalidOperationException($"PR #{number} cannot merge: it is {status}.");
        }

        if (queue[0] != number)
        {
            throw new InvalidOperationException($"PR #{number} cannot merge: PR #{queue[0]} is ahead of it.");
        }

        queue.RemoveAt(0);
        statuses[number] = MergeStatus.Merged;
        audit?.Record(nameof(Merge), number, null);
    }

    /// <summary>Blocks a PR whose CI run failed, taking it out of the queue so the PRs behind it can merge.</summary>
    public void Block(int number)
    {
        var status = Known(number);
        if (status != MergeStatus.CiFailed)
        {
            throw new InvalidOperationException($"PR #{number} cannot be blocked: it is {status}.");
        }

        statuses[number] = MergeStatus.Blocked;
        queue.Remove(number);
        audit?.Record(nameof(Block), number, null);
    }

    private MergeStatus Known(int number) =>
        statuses.TryGetValue(number, out var status)
            ? status
            : throw new KeyNotFoundException($"PR #{number} is not in the merge queue.");
}
