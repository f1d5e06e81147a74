using System;

namespace MergeQueue.Analyzers.Engine;

/// <summary>Unwinds the liveness search when the time limit passes or the token is cancelled, from deep in a loop.</summary>
internal sealed class SearchStoppedException : Exception
{
    internal SearchStoppedException(ExplorationBound bound)
        : base("the liveness search stopped: " + bound)
    {
        Bound = bound;
    }

    internal ExplorationBound Bound { get; }
}
