using System;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The column of action instances and constructor combinations: each value in the fewest bytes its bound allows, and
/// every value read back as added, past several segments.
/// </summary>
public class IndexColumnTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(256, 1)]
    [InlineData(257, 2)]
    [InlineData(65_536, 2)]
    [InlineData(65_537, 4)]
    public void Values_take_the_fewest_bytes_their_bound_allows_and_come_back_as_added(int bound, int bytesPerValue)
    {
        var column = new IndexColumn(bound);
        const int count = 100_000;
        for (int i = 0; i < count; i++)
        {
            column.Add(ValueAt(i, bound));
        }

        Assert.Equal(bytesPerValue, column.BytesPerValue);
        Assert.Equal(count, column.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(ValueAt(i, bound), column[i]);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void A_value_outside_the_bound_is_refused_rather_than_cut(int value)
    {
        var column = new IndexColumn(256);

        Assert.Throws<ArgumentOutOfRangeException>(() => column.Add(value));
        Assert.Equal(0, column.Count);
    }

    // Spread over the whole range, its top value included.
    private static int ValueAt(int i, int bound) => i % 7 == 0 ? bound - 1 : (int)((i * 2_654_435_761L) % bound);
}
