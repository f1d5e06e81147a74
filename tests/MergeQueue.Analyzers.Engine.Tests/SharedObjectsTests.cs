using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Engine.Runtime;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The generated explorer's check, after each step, that no mutable object has two places in the state. Objects met are
/// searched by reference while there are few and by an identity table past 32, so each sentence is asserted on both sides.
/// </summary>
public class SharedObjectsTests
{
    private static readonly string[] Names = ["a", "b"];

    [Theory]
    [InlineData(4)]
    [InlineData(40)]
    public void Sets_each_in_its_own_place_are_not_shared(int count)
    {
        Assert.Null(SharedObjects.Find(Names, [Sets(count), Sets(count)]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(40)]
    public void A_set_in_two_fields_is_shared_by_them(int count)
    {
        var a = Sets(count);
        var b = Sets(count);
        b[count - 1] = a[count - 1];

        Assert.Equal("One mutable object is shared by 'a' and 'b': give each place its own copy", SharedObjects.Find(Names, [a, b]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(40)]
    public void A_set_twice_in_one_field_appears_twice_there(int count)
    {
        var a = Sets(count);
        a[count - 1] = a[0];

        Assert.Equal("One mutable object appears twice in 'a': give each place its own copy", SharedObjects.Find(Names, [a, Sets(1)]));
    }

    [Fact]
    public void A_check_after_a_sharing_starts_afresh()
    {
        var a = Sets(40);
        Assert.NotNull(SharedObjects.Find(Names, [a, a]));
        Assert.NotNull(SharedObjects.Find(Names, [a, new[] { a[0] }]));

        Assert.Null(SharedObjects.Find(Names, [a, Sets(40)]));
    }

    private static HashSet<int>[] Sets(int count) => Enumerable.Range(0, count).Select(i => new HashSet<int> { i }).ToArray();
}
