using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>Strings: equality, concatenation and interpolation print values as .NET's ToString() does.</summary>
public sealed class StringTests
{
    [Fact]
    public void Interpreter_concatenates_and_interpolates_like_dotnet()
    {
        var model = Interpreted.Of("""
            int n = 42;
            bool b = true;
            E e = E.Second;
            string? missing;
            int[] array = new int[1];
            string text = "";
            string padded = "";
            [Action] void Step()
            {
                text = "n=" + n + ", b=" + b + ", e=" + e + ", missing=" + missing + $", {n * 2}:{e}:{'c'}:{array}";
                padded = $"[{n,5}|{n,-4}|{n:D4}]" + n.ToString() + e.ToString();
            }
            """, "public enum E { First, Second }\n");
        model.Do("Step()");
        Assert.Equal("\"n=42, b=True, e=Second, missing=, 84:Second:c:System.Int32[]\"", model["text"]);
        Assert.Equal("\"[   42|42  |0042]42Second\"", model["padded"]);
    }

    [Fact]
    public void Interpreter_compares_strings_ordinally()
    {
        var model = Interpreted.Of("""
            string name = "abc";
            bool same;
            int length;
            char second;
            [Action] void Step() { same = name == "ab" + "c" && name != "ABC" && string.Equals(name, "abc"); length = name.Length; second = name[1]; }
            """);
        model.Do("Step()");
        Assert.Equal("true", model["same"]);
        Assert.Equal("3", model["length"]);
        Assert.Equal("'b'", model["second"]);
    }

    [Fact]
    public void Interpreter_prints_records_and_tuples_with_ToString()
    {
        var model = Interpreted.Of("""
            string text = "";
            [Action] void Step() { text = $"{new P(1, "a")} {(1, true, "x")}"; }
            """, "public record P(int Id, string Name);\n");
        model.Do("Step()");
        Assert.Equal("\"P { Id = 1, Name = a } (1, True, x)\"", model["text"]);
    }
}
