using System;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

public sealed class ShardKeyTests
{
    [Fact]
    public void A_key_reads_back_its_run_and_shard_even_with_a_slash_in_the_run()
    {
        ShardKey key = ShardKey.Parse(new ShardKey("runs/7f3a", 12).ToString());

        Assert.Equal("runs/7f3a", key.Run);
        Assert.Equal(12, key.Shard);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run/")]
    [InlineData("run/-1")]
    [InlineData("run/x")]
    public void A_key_without_a_shard_number_is_refused(string text) =>
        Assert.Throws<FormatException>(() => ShardKey.Parse(text));
}
