using System.Collections.Generic;
using System.Linq;
using MergeQueue.Samples;

namespace Acme.MergeQueue.Tests;

/// <summary>
/// Drives a merge queue service through the FixedQueue model's steps. The model's PR p is PR number 101 + p; its
/// Pending is "never enqueued"; its queue order is the PRs with a stamp that are not merged, by stamp.
/// </summary>
internal abstract class QueueDriver : FixedQueue.IDriver
{
    private const int FirstNumber = 101;
    private readonly bool compareQueue;

    protected QueueDriver(bool compareQueue) => this.compareQueue = compareQueue;

    public static int Number(int p) => FirstNumber + p;

    public void Enqueue(int p) => EnqueueNumber(Number(p));

    public void RunCi(int p, bool passes) => RecordCi(Number(p), passes);

    public void Merge(int p) => MergeNumber(Number(p));

    public void Block(int p) => BlockNumber(Number(p));

    public bool Matches(FixedQueue.Snapshot model)
    {
        for (int p = 0; p < model.Pr.Length; p++)
        {
            if (StatusOf(Number(p)) != Expected(model.Pr[p]))
            {
                return false;
            }
        }

        if (!compareQueue)
        {
            return true;
        }

        var order = Enumerable.Range(0, model.Pr.Length)
            .Where(p => model.QueuedAt[p] != 0 && model.Pr[p] != Pr.Merged)
            .OrderBy(p => model.QueuedAt[p])
            .Select(Number);
        return order.SequenceEqual(Queue);
    }

    /// <summary>What the service holds, beside the model's state in a divergence.</summary>
    public override string ToString()
    {
        var statuses = Enumerable.Range(0, 3).Select(Number).Where(n => StatusOf(n) is not null).Select(n => "#" + n + " " + StatusOf(n));
        return "queue = [" + string.Join(", ", Queue.Select(n => "#" + n)) + "], " + string.Join(", ", statuses);
    }

    protected abstract IReadOnlyList<int> Queue { get; }

    protected abstract string? StatusOf(int number);

    protected abstract void EnqueueNumber(int number);

    protected abstract void RecordCi(int number, bool passed);

    protected abstract void MergeNumber(int number);

    protected abstract void BlockNumber(int number);

    private static string? Expected(Pr state) => state switch
    {
        Pr.Pending => null,
        Pr.Waiting => "AwaitingCi",
        Pr.Validated => "Ready",
        Pr.Failed => "CiFailed",
        _ => state.ToString(),
    };
}

/// <summary>The driver over the service as shipped.</summary>
internal sealed class ShippedQueueDriver(bool compareQueue = true) : QueueDriver(compareQueue)
{
    private readonly MergeQueue service = new();

    protected override IReadOnlyList<int> Queue => service.Queue;

    protected override string? StatusOf(int number) => service.StatusOf(number)?.ToString();

    protected override void EnqueueNumber(int number) => service.Enqueue(number);

    protected override void RecordCi(int number, bool passed) => service.RecordCiResult(number, passed);

    protected override void MergeNumber(int number) => service.Merge(number);

    protected override void BlockNumber(int number) => service.Block(number);
}

/// <summary>The driver over the copy with the article's bug.</summary>
internal sealed class BuggyQueueDriver(bool compareQueue = true) : QueueDriver(compareQueue)
{
    private readonly Buggy.MergeQueue service = new();

    protected override IReadOnlyList<int> Queue => service.Queue;

    protected override string? StatusOf(int number) => service.StatusOf(number)?.ToString();

    protected override void EnqueueNumber(int number) => service.Enqueue(number);

    protected override void RecordCi(int number, bool passed) => service.RecordCiResult(number, passed);

    protected override void MergeNumber(int number) => service.Merge(number);

    protected override void BlockNumber(int number) => service.Block(number);
}
