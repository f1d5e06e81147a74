namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>Stable 64-bit hashing (never <c>string.GetHashCode</c>): the same state hashes the same in every process.</summary>
internal static class Hashing
{
    public const long Seed = unchecked((long)0x9E3779B97F4A7C15UL);
    public const long NullHash = 0x5A5A5A5AL;

    public static long Combine(long hash, long value)
    {
        unchecked
        {
            // An xxHash64 round: cheap, and order-sensitive so [1, 2] and [2, 1] differ.
            ulong h = (ulong)hash + ((ulong)value * 0xC2B2AE3D27D4EB4FUL);
            h = (h << 31) | (h >> 33);
            return (long)(h * 0x9E3779B185EBCA87UL);
        }
    }

    public static long Mix(long value)
    {
        unchecked
        {
            // The splitmix64 finalizer: small integers spread over all 64 bits.
            ulong z = (ulong)value + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (long)(z ^ (z >> 31));
        }
    }

    public static long String(string text)
    {
        unchecked
        {
            ulong h = 0xCBF29CE484222325UL;
            foreach (char c in text)
            {
                h = (h ^ c) * 0x100000001B3UL;
            }

            return Mix((long)h);
        }
    }
}
