using System;
using System.Globalization;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>The key of an <see cref="IExplorationShardGrain"/>: the run's identifier and the shard's number.</summary>
public readonly struct ShardKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="run">The run's identifier (any string; a '/' in it is kept).</param>
    /// <param name="shard">The shard's number, 0 or more.</param>
    public ShardKey(string run, int shard)
    {
        Run = run;
        Shard = shard;
    }

    /// <summary>The run's identifier.</summary>
    public string Run { get; }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>The grain key, <c>"run/shard"</c>.</summary>
    public override string ToString() => Run + "/" + Shard.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a grain key written by <see cref="ToString"/>.</summary>
    /// <param name="key">The grain key.</param>
    /// <returns>The run and the shard.</returns>
    /// <exception cref="FormatException">The key does not end in <c>/</c> and a shard number.</exception>
    public static ShardKey Parse(string key)
    {
        // The last '/' splits: a run's identifier may hold one, a shard number cannot.
        int slash = key.LastIndexOf('/');
        if (slash < 0 || !int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int shard))
        {
            throw new FormatException($"'{key}' is not an exploration shard's key (run/shard)");
        }

        return new ShardKey(key.Substring(0, slash), shard);
    }
}
