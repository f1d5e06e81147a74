using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// How a trace step shows a collection that changed: whole while it prints short, else what changed inside it. The
/// values are as both back ends print them (lists and arrays in brackets, sets and dictionaries in braces).
/// </summary>
public class CollectionChangeTests
{
    private const string Three = "[PR { Id = 1, State = Waiting }, PR { Id = 2, State = Waiting }, PR { Id = 3, State = Done }]";

    [Theory]
    // An element appended, removed from the front (a queue), replaced in place.
    [InlineData("[PR { Id = 1, State = Waiting }, PR { Id = 2, State = Waiting }]", Three, "queue[2]: added PR { Id = 3, State = Done }")]
    [InlineData(Three, "[PR { Id = 2, State = Waiting }, PR { Id = 3, State = Done }]", "queue[0]: removed PR { Id = 1, State = Waiting }")]
    [InlineData(Three, "[PR { Id = 1, State = Waiting }, PR { Id = 2, State = Failed }, PR { Id = 3, State = Done }]", "queue[1] = PR { Id = 2, State = Failed }")]
    // Two elements replaced: both named, in order.
    [InlineData(Three, "[PR { Id = 1, State = Done }, PR { Id = 2, State = Waiting }, PR { Id = 3, State = Waiting }]", "queue[0] = PR { Id = 1, State = Done }, queue[2] = PR { Id = 3, State = Waiting }")]
    // A set: what joined and what left; strings holding brackets, commas and colons are one element each.
    [InlineData("{(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)}", "{(0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8)}", "queue: +{(7, 8)} -{(0, 1)}")]
    [InlineData("{\"a, b\", \"c]: d\", \"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\"}", "{\"a, b\", \"c]: d\", \"eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\", \"f\"}", "queue: +{\"f\"}")]
    // A dictionary: each key set, each key removed.
    [InlineData("{\"alice\": [1, 2, 3, 4, 5, 6, 7, 8], \"bob\": [4, 5, 6], \"carol\": [7, 8, 9]}", "{\"alice\": [1, 2, 3, 4, 5, 6, 7, 8], \"bob\": [4, 5], \"dave\": [0, 0, 0]}", "queue[\"bob\"] = [4, 5], queue[\"dave\"] = [0, 0, 0], queue[\"carol\"]: removed")]
    // Tuples with element names: their colons are inside parentheses, so a set of them is no dictionary, and a
    // dictionary's key ends at the colon after its tuple.
    [InlineData("{(From: 0, To: 1), (From: 0, To: 2), (From: 1, To: 2)}", "{(From: 0, To: 2), (From: 1, To: 2), (From: 2, To: 3)}", "queue: +{(From: 2, To: 3)} -{(From: 0, To: 1)}")]
    [InlineData("{(From: 0, To: 1): (Term: 1, Granted: true), (From: 0, To: 2): (Term: 1, Granted: true)}", "{(From: 0, To: 1): (Term: 1, Granted: true), (From: 0, To: 2): (Term: 2, Granted: false)}", "queue[(From: 0, To: 2)] = (Term: 2, Granted: false)")]
    public void Long_collection_shows_what_changed_inside_it(string before, string after, string expected)
    {
        Assert.Equal(expected, new FieldChange("queue", after) { Before = before }.ToString());
    }

    [Theory]
    // Short enough to read whole (60 characters or fewer for "field = value").
    [InlineData("[Pending, Pending, Pending]", "[Blocked, Pending, Pending]", "queue = [Blocked, Pending, Pending]")]
    // Not a collection, or changed all over: whole.
    [InlineData("PR { Id = 1, State = Waiting, Title = \"a long title that goes on\" }", "PR { Id = 2, State = Waiting, Title = \"a long title that goes on\" }", "queue = PR { Id = 2, State = Waiting, Title = \"a long title that goes on\" }")]
    [InlineData("[111111111111, 222222222222, 333333333333, 444444444444]", "[555555555555, 666666666666, 777777777777, 888888888888]", "queue = [555555555555, 666666666666, 777777777777, 888888888888]")]
    [InlineData("null", Three, "queue = " + Three)]
    public void Short_or_rebuilt_value_shows_whole(string before, string after, string expected)
    {
        Assert.Equal(expected, new FieldChange("queue", after) { Before = before }.ToString());
    }

    [Fact]
    public void Initial_state_shows_every_value_whole()
    {
        Assert.Equal("queue = " + Three, new FieldChange("queue", Three).ToString());
    }
}
