using System.Collections.Generic;
using System.Linq;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// The argument combinations of an action or property, in the order the user contract fixes (first parameter varying
/// slowest): the analyzer and the generated explorer both take their instances from here, so they number them alike.
/// </summary>
internal static class DomainCombinations
{
    /// <summary>Every combination of indexes into <paramref name="domains"/>; none when a domain is empty.</summary>
    public static IEnumerable<int[]> Of(IReadOnlyList<ParameterDomain> domains)
    {
        var current = new int[domains.Count];
        if (domains.Any(d => d.Values.Count == 0))
        {
            yield break;
        }

        while (true)
        {
            yield return (int[])current.Clone();
            int position = domains.Count - 1;
            while (position >= 0 && ++current[position] == domains[position].Values.Count)
            {
                current[position--] = 0;
            }

            if (position < 0)
            {
                yield break;
            }
        }
    }
}
