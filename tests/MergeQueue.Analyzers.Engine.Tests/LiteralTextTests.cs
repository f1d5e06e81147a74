using System.Text;
using MergeQueue.Analyzers.Engine.Runtime;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// A string in a trace, as both back ends print it (the generated explorer through <see cref="ValueText"/>): whole up
/// to 1,000 characters, past that its first 1,000 and its length. A trace printed whole every state of a
/// 16,777,216-character string, 33 million characters of message built past the time limit.
/// </summary>
public class LiteralTextTests
{
    [Fact]
    public void A_string_of_a_thousand_characters_prints_whole()
    {
        string value = new('a', 1000);

        Assert.Equal("\"" + value + "\"", Printed(value));
    }

    [Fact]
    public void A_longer_string_prints_its_first_thousand_characters_and_its_length()
    {
        Assert.Equal("\"" + new string('a', 1000) + "\"… (16,777,216 characters)", Printed(new string('a', 16_777_216)));
    }

    [Fact]
    public void A_long_string_is_cut_before_a_surrogate_pair_not_inside_it()
    {
        // U+1F600 is two chars: the high one at index 999 would be cut from the low one at index 1000.
        string value = new string('a', 999) + "\U0001F600" + new string('b', 10);

        Assert.Equal("\"" + new string('a', 999) + "\"… (1,011 characters)", Printed(value));
    }

    [Fact]
    public void A_set_of_long_strings_shows_what_joined_it()
    {
        // The length's commas are inside parentheses: a shortened string is still one element.
        string longOne = Printed(new string('a', 1001));

        Assert.Equal("queue: +{\"c\"}", new FieldChange("queue", "{" + longOne + ", \"b\", \"c\"}") { Before = "{" + longOne + ", \"b\"}" }.ToString());
    }

    private static string Printed(string value)
    {
        var text = new StringBuilder();
        ValueText.AppendString(text, value);
        return text.ToString();
    }
}
