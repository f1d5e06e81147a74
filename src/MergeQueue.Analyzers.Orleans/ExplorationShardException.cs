using System;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>A request to an exploration shard failed: its silo was lost, the call timed out, or its host threw.</summary>
public sealed class ExplorationShardException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="run">The run's identifier.</param>
    /// <param name="shard">The shard's number.</param>
    /// <param name="silo">The silo the shard was placed on when the run started, or null if not known.</param>
    /// <param name="lostSilos">The silos of the run that had left the cluster when the call failed.</param>
    /// <param name="inner">What Orleans or the host threw.</param>
    public ExplorationShardException(string run, int shard, string? silo, IReadOnlyList<string> lostSilos, Exception inner)
        : base(Describe(run, shard, silo, lostSilos, inner), inner)
    {
        Run = run;
        Shard = shard;
        Silo = silo;
        LostSilos = lostSilos;
    }

    /// <summary>The run's identifier.</summary>
    public string Run { get; }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>The silo the shard was placed on when the run started, or null if not known.</summary>
    public string? Silo { get; }

    /// <summary>The silos of the run that had left the cluster when the call failed (most often none, or one).</summary>
    public IReadOnlyList<string> LostSilos { get; }

    private static string Describe(string run, int shard, string? silo, IReadOnlyList<string> lostSilos, Exception inner) =>
        $"shard {shard} of run {run}{(silo is null ? "" : $" (placed on silo {silo})")} failed"
        + (lostSilos.Count == 0 ? "" : $", silo {string.Join(" and ", lostSilos)} having left the cluster")
        + $": {inner.GetType().Name}: {inner.Message}";
}
