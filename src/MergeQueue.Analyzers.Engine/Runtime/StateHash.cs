namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// Stable 64-bit hashing for the generated model adapters: the same on every run and machine, so fingerprints
/// of a state do not depend on the process (never <c>string.GetHashCode</c>).
/// </summary>
public static class StateHash
{
    /// <summary>The hash of a null reference.</summary>
    public const long Null = 0x6E756C6C;

    /// <summary>Spreads the bits of <paramref name="value"/> over the whole word (the splitmix64 finalizer).</summary>
    /// <param name="value">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    public static long Mix(long value)
    {
        unchecked
        {
            ulong z = (ulong)value + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }

    /// <summary>Combines a running hash with the next part; the order of parts matters.</summary>
    /// <param name="hash">The hash so far.</param>
    /// <param name="part">The next part's hash.</param>
    /// <returns>The combined hash.</returns>
    public static long Combine(long hash, long part) => unchecked(Mix(hash * 31 + part));

    /// <summary>An ordinal hash of a string (FNV-1a over its UTF-16 code units).</summary>
    /// <param name="value">The string, or null.</param>
    /// <returns>The string's hash.</returns>
    public static long String(string? value)
    {
        if (value is null)
        {
            return Null;
        }

        unchecked
        {
            ulong hash = 0xCBF29CE484222325UL;
            foreach (char c in value)
            {
                hash = (hash ^ c) * 0x100000001B3UL;
            }

            return Mix((long)hash);
        }
    }
}
