using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Fingerprint mode's record of the graph for the liveness search: each state's fingerprint (its table key) in number
/// order, and each expanded state's enabled steps, a step as its target's key and its action instance, in temporary
/// logs. The table then need not keep state numbers (a slot is half the size); once the search is over,
/// <see cref="FingerprintIndex"/> turns the keys back into numbers.
/// </summary>
/// <remarks>
/// Per expanded state the steps log holds the number of steps (at most one per instance: in one byte when the model
/// has fewer than 256 action instances), then each step's key (8 bytes) and instance (one, two or four bytes); a state's steps are held back until the next state begins, so that their number comes
/// first. Equal keys are one state in fingerprint mode, so the numbers found again are the ones the search gave.
/// </remarks>
internal sealed class KeyedSteps : IDisposable
{
    private readonly TemporaryLog keys;
    private readonly TemporaryLog steps;
    private readonly int instanceWidth;
    private readonly int countWidth;

    // The steps of the state being expanded, written when the next one begins (or the search ends).
    private ulong[] pendingKeys = new ulong[16];
    private int[] pendingInstances = new int[16];
    private int pending;
    private bool expanding;

    /// <param name="directory">Where the logs' files go; null keeps them in memory.</param>
    /// <param name="instanceBound">Every action instance recorded is below this.</param>
    internal KeyedSteps(string? directory, int instanceBound)
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

    /// <summary>The paths of the logs' files that exist (for tests).</summary>
    internal string[] FilePaths => Paths(keys.FilePath, steps.FilePath);

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
    internal void AddStep(ulong targetKey, int instance)
    {
        if (pending == pendingKeys.Length)
        {
            Array.Resize(ref pendingKeys, pending * 2);
            Array.Resize(ref pendingInstances, pending * 2);
        }

        pendingKeys[pending] = targetKey;
        pendingInstances[pending++] = instance;
    }

    /// <summary>The search is over: the last state's steps are written.</summary>
    internal void Complete() => WritePending();

    /// <summary>Calls <paramref name="each"/> with every key recorded so far and its state's number, in number order.</summary>
    internal void ForEachKey(Action<ulong, int> each)
    {
        TemporaryLog.Reader reader = keys.Read();
        for (int number = 0; number < StateCount; number++)
        {
            each(reader.Read(8), number);
        }
    }

    /// <summary>A reader of the keys in number order (<see cref="TemporaryLog.Reader.Read"/> with 8 bytes).</summary>
    internal TemporaryLog.Reader ReadKeys() => keys.Read();

    /// <summary>A reader of the steps: per expanded state, <see cref="ReadCount"/>, then as many <see cref="ReadStep"/>.</summary>
    internal TemporaryLog.Reader ReadSteps() => steps.Read();

    internal int ReadCount(TemporaryLog.Reader reader) => (int)reader.Read(countWidth);

    internal ulong ReadStep(TemporaryLog.Reader reader, out int instance)
    {
        ulong key = reader.Read(8);
        instance = (int)reader.Read(instanceWidth);
        return key;
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
            steps.Write(pendingKeys[i], 8);
            steps.Write((ulong)pendingInstances[i], instanceWidth);
        }

        pending = 0;
    }

    /// <summary>The fewest bytes (1, 2 or 4) that hold every value below <paramref name="bound"/>.</summary>
    private static int Width(int bound) => bound <= 1 << 8 ? 1 : bound <= 1 << 16 ? 2 : 4;

    private static string[] Paths(string? one, string? other) =>
        one is null ? (other is null ? Array.Empty<string>() : new[] { other })
        : other is null ? new[] { one } : new[] { one, other };
}
