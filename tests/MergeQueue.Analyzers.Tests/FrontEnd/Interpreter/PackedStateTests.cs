using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// A model made only of bools, integers, chars, enums and arrays of them keeps each state as its canonical
/// encoding, and runs every action on one decoded copy per execution, put back after each run that wrote it.
/// </summary>
public sealed class PackedStateTests
{
    [Fact]
    public void Scalars_and_arrays_of_scalars_are_packed_and_records_holding_themselves_are_not()
    {
        var packed = Interpreted.Of("""
            enum Color { Red, Green }
            bool on; long big = long.MinValue; char c = 'x'; Color color = Color.Green; byte[] bytes = { 255 }; Color[] colors = new Color[2];
            [Action] void Step() => on = !on;
            """);
        var general = Interpreted.Of(
            """
            Node? node;
            [Action] void Step() => node = new Node(1, node);
            """,
            "public record Node(int V, Node? Next);\n");

        Assert.True(packed.State.IsPacked);
        Assert.Equal("on = false, big = -9223372036854775808, c = 'x', color = Green, bytes = [255], colors = [Red, Red]", packed.Fields());
        Assert.False(general.State.IsPacked);
    }

    [Fact]
    public void A_step_that_writes_and_is_then_disabled_leaves_the_state_as_it_was()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 2 };
            int other;
            int seen;
            [Action] void WriteThenStop() { values[0] = 9; values = new int[5]; other = 7; Require(false); }
            [Action] void Read() => seen = values[0] * 10 + values.Length + other * 100;
            """);
        model.Disabled("WriteThenStop()");
        model.Do("Read()");
        Assert.Equal("12", model["seen"]);
    }

    [Fact]
    public void A_step_that_writes_and_then_fails_leaves_the_state_as_it_was()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 2 };
            int seen;
            [Action] void WriteThenThrow() { values[1] = 9; values[5] = 1; }
            [Action] void Read() => seen = values[1];
            """);
        model.Fails("WriteThenThrow()");
        model.Do("Read()");
        Assert.Equal("2", model["seen"]);
    }

    [Fact]
    public void A_field_given_an_array_of_another_length_or_null_keeps_it_in_the_next_state()
    {
        var model = Interpreted.Of("""
            int[]? values = new int[1];
            [Action] void Grow() { var longer = new int[values!.Length + 1]; longer[0] = longer.Length; values = longer; }
            [Action] void Drop() => values = null;
            """);
        model.Do("Grow()").Do("Grow()");
        Assert.Equal("[3, 0, 0]", model["values"]);
        model.Do("Drop()");
        Assert.Equal("null", model["values"]);
    }

    [Fact]
    public void Equal_fields_are_one_state_and_different_fields_are_not()
    {
        var model = Interpreted.Of("""
            int[] values = new int[2];
            [Action] void Set([Range(0, 1)] int v) => values[0] = v;
            """);
        var comparer = model.Model.StateComparer;
        var start = model.State;
        var one = model.Step("Set(v: 1)").Successor;
        var back = model.Step("Set(v: 0)").Successor;

        Assert.True(comparer.Equals(start, back));
        Assert.Equal(comparer.GetHashCode(start), comparer.GetHashCode(back));
        Assert.Equal(((IStateHasher<Analyzers.FrontEnd.Model.InterpretedState>)comparer).Hash64(start), ((IStateHasher<Analyzers.FrontEnd.Model.InterpretedState>)comparer).Hash64(back));
        Assert.False(comparer.Equals(start, one));
    }

    [Fact]
    public void One_array_in_two_fields_is_sharing()
    {
        var model = Interpreted.Of("""
            int[] first = new int[1];
            int[] second = new int[1];
            static int[] Same(int[] array) => array;
            [Action] void Alias() => second = Same(first);
            [Action] void Copy() => second = first.ToArray();
            """);
        Assert.Equal("One mutable object is shared by 'first' and 'second': give each place its own copy", model.Fails("Alias()").Message);
        model.Do("Copy()");
        Assert.Equal("[0]", model["second"]);
    }

    [Fact]
    public void Values_of_several_bytes_and_negative_values_come_back_as_they_were()
    {
        // One byte each for the small values, two for 300, six for 2^40: within the two words.
        var model = Interpreted.Of("""
            int a = -1;
            int b = 300;
            long c = 1L << 40;
            sbyte[] d = { -128, 127 };
            [Action] void Turn() { a = -a - 300; b = -b; c = -c; d[0]++; d[1]--; }
            """);
        model.Do("Turn()");
        Assert.Equal("a = -299, b = -300, c = -1099511627776, d = [-127, 126]", model.Fields());
        model.Do("Turn()");
        Assert.Equal("a = -1, b = 300, c = 1099511627776, d = [-126, 125]", model.Fields());
    }

    [Fact]
    public void A_state_longer_than_two_words_is_kept_whole()
    {
        // Twenty array elements of up to two bytes each: the encoding runs past the sixteen bytes held in words.
        var model = Interpreted.Of("""
            int[] values = new int[20];
            [Action] void Fill() { for (int i = 0; i < values.Length; i++) values[i] = 1000 + i; }
            [Action] void Bump() => values[19]++;
            """);
        model.Do("Fill()");
        var filled = model.State;
        model.Do("Bump()");
        Assert.Equal("1020", model["values"].Split(", ")[19].TrimEnd(']'));
        Assert.False(model.Model.StateComparer.Equals(filled, model.State));
        Assert.Equal("1019", model.Model.FormatField(filled, 0).Split(", ")[19].TrimEnd(']'));
    }
}
