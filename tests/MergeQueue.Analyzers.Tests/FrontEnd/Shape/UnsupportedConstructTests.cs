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
    [InlineData("int? maybe;\n[Action] void Step() { }", "maybe", "the field 'maybe' (the nullable value type 'int?')")]
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
