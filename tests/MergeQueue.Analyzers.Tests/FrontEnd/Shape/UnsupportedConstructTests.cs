using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>SM0100: what the compile-time checker cannot interpret is named at the construct, and the model is not checked.</summary>
public sealed class UnsupportedConstructTests
{
    [Theory]
    [InlineData("[Action] void Step() { Console.WriteLine(1); }", "Console.WriteLine(1)", "the call to 'System.Console.WriteLine(int)'")]
    [InlineData("[Action] void Step() { var now = DateTime.Now; }", "DateTime.Now", "the property 'System.DateTime.Now'")]
    [InlineData("[Action] void Step() { try { } catch { } }", "try { } catch { }", "a 'try' statement")]
    [InlineData("[Action] void Step() { start: goto start; }", "start: goto start;", "a labeled statement")]
    [InlineData("System.Random random = new();\n[Action] void Step() { }", "random", "the field 'random' (the class 'Random' (only records, structs, tuples and the BCL collections are values))")]
    [InlineData("double rate;\n[Action] void Step() { }", "rate", "the field 'rate' (the type 'double')")]
    [InlineData("float? maybe;\n[Action] void Step() { }", "maybe", "the field 'maybe' (the type 'float')")]
    [InlineData("[Action] void Step() { object o = 1; }", "1", "the conversion of '1' to 'object'")]
    public void SM0100_names_the_construct_at_its_location(string members, string text, string construct)
    {
        var diagnostics = Interpreted.Diagnostics(members);
        var diagnostic = diagnostics.First();
        Assert.Equal("SM0100", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(text, Interpreted.Text(diagnostic.Location));
        Assert.Equal(
            "The compile-time checker cannot interpret " + construct + "; 'M' was not checked at compile time",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_field_of_a_refused_type_is_named_once_at_the_field_and_not_again_at_each_use()
    {
        // Issue 11: one unsupported member type gave one message per use, and one naming the model class.
        var diagnostics = Interpreted.Diagnostics("""
            double rate;
            List<double> rates = new();
            [Action] void A() { rate = rate + 1; rates.Add(rate); }
            [Action] void B() { Require(rate > 0 && rates.Count > 0); rates.Clear(); var r = rate * 2; }
            [Invariant] bool Small => rate < 10 && rates.All(r => r < 10) && rates.Sum() < 100;
            """);
        Assert.Equal(
            new[] { "the field 'rate' (the type 'double')", "the field 'rates' (the type 'double')" },
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .Select(m => m.Substring("The compile-time checker cannot interpret ".Length, m.IndexOf("; 'M'", System.StringComparison.Ordinal) - "The compile-time checker cannot interpret ".Length))
                .OrderBy(t => t, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_record_with_a_refused_member_is_named_once_with_the_member_that_is_refused()
    {
        var diagnostics = Interpreted.Diagnostics("""
            Box box = new Box(1, new System.Text.StringBuilder());
            int seen;
            [Action] void A() { Require(box.Count > seen); seen = box.Count; box.Text.Append('x'); }
            [Invariant] bool Small => box.Text.Length < 3;
            """, "public sealed record Box(int Count, System.Text.StringBuilder Text);\n");
        var only = Assert.Single(diagnostics);
        Assert.Equal("box", Interpreted.Text(only.Location));
        Assert.Contains("its member 'Text' is the class 'StringBuilder'", only.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SM0100_is_reported_once_per_construct_and_only_for_code_the_model_runs()
    {
        var diagnostics = Interpreted.Diagnostics("""
            int x;
            void Unused() { Console.Beep(); }
            void Log() { Console.WriteLine(x); }
            [Action] void A() { Log(); }
            [Action] void B() { Log(); x = new Random().Next(); }
            """);
        Assert.Equal(
            new[] { "Console.WriteLine(x)", "new Random().Next()" },
            diagnostics.Select(d => Interpreted.Text(d.Location)).OrderBy(t => t));
    }
}
