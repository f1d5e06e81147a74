using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Fingerprint mode's record of the graph for the liveness search, in temporary logs rather than on the heap: each
/// state's key (its fingerprint as the table holds it) in number order, from which the table grows without holding its
/// old slots and its new ones at once, and each expanded state's enabled steps, a step as its target's number and its
/// action instance.
/// </summary>
/// <remarks>
/// Per expanded state the steps log holds the number of steps (at most one per instance: in one byte when the model
/// has fewer than 256 action instances), then each step's target (4 bytes) and instance (one, two or four bytes); a
/// state's steps are held back until the next state begins, so that their number comes first.
/// </remarks>
internal sealed class LoggedSteps : IDisposable
{
    // How many keys a table that grows is given at once.
    private const int KeyBatchSize = 1024;

    private readonly TemporaryLog keys;
    private readonly TemporaryLog steps;
    private readonly int instanceWidth;
    private readonly int countWidth;

    // The steps of the state being expanded, written when the next one begins (or the search ends).
    private int[] pendingTargets = new int[16];
    private int[] pendingInstances = new int[16];
    private int pending;
    private bool expanding;

    /// <param name="directory">Where the logs' files go; null keeps them in memory.</param>
    /// <param name="instanceBound">Every action instance recorded is below this.</param>
    internal LoggedSteps(string? directory, int instanceBound)
    {
        keys = new TemporaryLog(directory, "keys");
        steps = new TemporaryLog(directory, "steps");
        instanceWidth = Width(instanceBound);
        countWidth = Width(instanceBound + 1);
    }

    /// <summary>The number of states whose key was recorded.</summary>
    internal int StateCount { get; private set; }

    /// <summary>The number of states whose steps were recorded (or are being).</summary>
    internal int ExpandedCount { get; private set; }

    /// <summary>Records the key of the next state by number.</summary>
    internal void AddState(ulong key)
    {
        keys.Write(key, 8);
        StateCount++;
    }

    /// <summary>Starts the steps of <paramref name="state"/>; states are expanded in number order, each once.</summary>
    internal void BeginSuccessors(int state)
    {
        if (state == ExpandedCount)
        {
            WritePending();
            expanding = true;
            ExpandedCount++;
        }
    }

    /// <summary>Records a step of the state being expanded.</summary>
    internal void AddStep(int target, int instance)
    {
        if (pending == pendingTargets.Length)
        {
            Array.Resize(ref pendingTargets, pending * 2);
            Array.Resize(ref pendingInstances, pending * 2);
        }

        pendingTargets[pending] = target;
        pendingInstances[pending++] = instance;
    }

    /// <summary>The search is over: the last state's steps are written.</summary>
    internal void Complete() => WritePending();

    /// <summary>
    /// Calls <paramref name="each"/> with every key recorded so far whose low bits are <paramref name="shard"/> (under
    /// <paramref name="shardMask"/>), and its state's number, a batch at a time.
    /// </summary>
    internal void ForEachKey(int shard, int shardMask, FingerprintTable.KeyBatch each)
    {
        var batchKeys = new ulong[KeyBatchSize];
        var batchNumbers = new int[KeyBatchSize];
        int batched = 0;
        TemporaryLog.Reader reader = keys.Read();
        for (int number = 0; number < StateCount; number++)
        {
            ulong key = reader.Read(8);
            if (((int)key & shardMask) != shard)
            {
                continue;
            }

            batchKeys[batched] = key;
            batchNumbers[batched++] = number;
            if (batched == KeyBatchSize)
            {
                each(batchKeys, batchNumbers, batched);
                batched = 0;
            }
        }

        each(batchKeys, batchNumbers, batched);
    }

    /// <summary>A reader of the steps: per expanded state, <see cref="ReadCount"/>, then as many <see cref="ReadStep"/>.</summary>
    internal TemporaryLog.Reader ReadSteps() => steps.Read();

    internal int ReadCount(TemporaryLog.Reader reader) => (int)reader.Read(countWidth);

    /// <summary>Reads a step: its target's number, and its action instance.</summary>
    internal int ReadStep(TemporaryLog.Reader reader, out int instance)
    {
        ulong step = reader.Read(4 + instanceWidth);
        instance = (int)(step >> 32);
        return (int)(uint)step;
    }

    /// <summary>Deletes the logs' files and forgets what is in memory.</summary>
    public void Dispose()
    {
        keys.Dispose();
        steps.Dispose();
    }

    private void WritePending()
    {
        if (!expanding)
        {
            return;
        }

        expanding = false;
        steps.Write((ulong)pending, countWidth);
        for (int i = 0; i < pending; i++)
        {
            steps.Write((uint)pendingTargets[i] | ((ulong)(uint)pendingInstances[i] << 32), 4 + instanceWidth);
        }

        pending = 0;
    }

    /// <summary>The fewest bytes (1, 2 or 4) that hold every value below <paramref name="bound"/>.</summary>
    private static int Width(int bound) => bound <= 1 << 8 ? 1 : bound <= 1 << 16 ? 2 : 4;
}
