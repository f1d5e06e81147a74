using System;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// After the breadth-first search, fingerprint mode finds each state's number from its key with a sorted index of the
/// keys logged in number order: every key gives its own number back, whatever the number of states, and a key no state
/// has is an error, never a wrong number.
/// </summary>
public class FingerprintIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1_000)]
    [InlineData(100_003)]
    public void Every_key_gives_back_the_number_of_its_state(int count)
    {
        FingerprintIndex index = IndexOf(count);

        for (int number = 0; number < count; number++)
        {
            Assert.Equal(number, index.NumberOf(KeyOf(number)));
        }
    }

    [Fact]
    public void A_key_no_state_has_is_an_error()
    {
        FingerprintIndex index = IndexOf(1_000);

        Assert.Throws<InvalidOperationException>(() => index.NumberOf(KeyOf(1_000)));
    }

    private static FingerprintIndex IndexOf(int count)
    {
        using var log = new TemporaryLog(null, "keys");
        for (int number = 0; number < count; number++)
        {
            log.Write(KeyOf(number), 8);
        }

        return new FingerprintIndex(log.Read, count);
    }

    private static ulong KeyOf(int number) => FingerprintTable.Key((ulong)number * 7919);
}
