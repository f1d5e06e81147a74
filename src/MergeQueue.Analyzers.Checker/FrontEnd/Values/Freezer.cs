using System.Collections.Generic;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>
/// Walks the objects a step wrote into the state: freezes them, and finds one mutable object reachable from two
/// places (SPEC §2: a model error, since a later write through one place would silently change the other).
/// </summary>
internal sealed class Freezer
{
    private readonly Dictionary<object, string> seen = new(IdentityComparer.Instance);

    /// <summary>The state field being walked.</summary>
    public string Place { get; set; } = string.Empty;

    /// <summary>Whether to look for sharing; off when only one object can be reached.</summary>
    public bool Track { get; set; }

    /// <summary>The first sharing found, as the two places.</summary>
    public (string First, string Second)? Shared { get; private set; }

    /// <summary>Whether <paramref name="heapObject"/> still needs freezing (it may already belong to a state).</summary>
    public bool Enter(HeapObject heapObject)
    {
        if (Track)
        {
            if (seen.TryGetValue(heapObject, out var other))
            {
                Shared ??= (other, Place);
                return false;
            }

            seen.Add(heapObject, Place);
        }

        return !heapObject.Frozen;
    }

    public void Reset()
    {
        seen.Clear();
        Shared = null;
        Track = false;
        Place = string.Empty;
    }
}
