using System.Globalization;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// The bound on one interpreted object's size, checked before the host allocates it: a model's
/// <c>new int[1_000_000_000]</c> would otherwise take the compiler's memory (16 bytes an element here), and a growing
/// collection would take it a doubling at a time.
/// </summary>
internal static class Allocation
{
    /// <summary>Elements one array, list, set or dictionary may hold: 256 MB of interpreted values.</summary>
    public const int MaxElements = 16 * 1024 * 1024;

    // Array.MaxLength: past it .NET itself refuses the allocation.
    private const long MaxArrayLength = 0x7FFFFFC7;

    /// <summary>
    /// <paramref name="left"/> + <paramref name="right"/>, at most <see cref="MaxElements"/> characters: <c>s = s + s</c>
    /// doubles a string a step, and one state of 128 million characters took seconds past the time limit to hash.
    /// </summary>
    public static string Concat(string left, string right)
    {
        long length = (long)left.Length + right.Length;
        if (length > MaxElements)
        {
            throw new ModelException(
                FailureKind.LimitExceeded,
                "a string of " + length.ToString("N0", CultureInfo.InvariantCulture) + " characters; the checker builds at most "
                    + MaxElements.ToString("N0", CultureInfo.InvariantCulture) + " per string, to keep the compiler's memory");
        }

        return left + right;
    }

    /// <summary>Checks that an object of <paramref name="elements"/> elements may be allocated.</summary>
    public static void Check(long elements)
    {
        if (elements > MaxArrayLength)
        {
            throw ModelException.Of("OutOfMemoryException", "Array dimensions exceeded supported range.");
        }

        if (elements > MaxElements)
        {
            throw new ModelException(
                FailureKind.LimitExceeded,
                "an object of " + elements.ToString("N0", CultureInfo.InvariantCulture) + " elements; the checker allocates at most "
                    + MaxElements.ToString("N0", CultureInfo.InvariantCulture) + " per array or collection, to keep the compiler's memory");
        }
    }
}
