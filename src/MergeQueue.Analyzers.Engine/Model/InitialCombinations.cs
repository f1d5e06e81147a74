using System;
using System.Collections;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The initial instances of a domained constructor, one per combination of its parameters' values (first parameter
/// varying slowest, as the user contract numbers them), made when asked for: six parameters of nine values are half a million
/// combinations, which a table written out in generated code would turn into one method too large to compile or run.
/// </summary>
public sealed class InitialCombinations : IReadOnlyList<InitialInstance>
{
    private readonly IReadOnlyList<string>[] texts;

    /// <summary>Creates the combinations of the given parameters.</summary>
    /// <param name="texts">Per constructor parameter, each of its values as a trace shows it (<c>n: 2</c>).</param>
    public InitialCombinations(params IReadOnlyList<string>[] texts)
    {
        this.texts = texts ?? throw new ArgumentNullException(nameof(texts));
        long count = 1;
        foreach (var values in texts)
        {
            count *= values.Count;
            if (count > int.MaxValue)
            {
                throw new ArgumentException("More than " + int.MaxValue + " combinations of constructor arguments.", nameof(texts));
            }
        }

        Count = (int)count;
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public InitialInstance this[int index]
    {
        get
        {
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var arguments = new string[texts.Length];
            for (int parameter = texts.Length - 1; parameter >= 0; parameter--)
            {
                arguments[parameter] = texts[parameter][ValueIndex(ref index, texts[parameter].Count)];
            }

            return new InitialInstance(arguments);
        }
    }

    /// <summary>
    /// Peels the last parameter's value off a combination's index: generated code calls it from the last parameter
    /// to the first to find the value of each.
    /// </summary>
    /// <param name="rest">The index, left holding the combination of the parameters before this one.</param>
    /// <param name="values">How many values this parameter has.</param>
    /// <returns>The index of this parameter's value.</returns>
    public static int ValueIndex(ref int rest, int values)
    {
        int value = rest % values;
        rest /= values;
        return value;
    }

    /// <inheritdoc/>
    public IEnumerator<InitialInstance> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
