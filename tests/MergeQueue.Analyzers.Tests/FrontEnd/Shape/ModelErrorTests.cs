using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>SM0101–SM0110: a class that is not a valid model gets an error at the member, and no model.</summary>
public sealed class ModelErrorTests
{
    private static Diagnostic Single(string members, string extra = "")
    {
        var diagnostics = Interpreted.Diagnostics(members, extra);
        return Assert.Single(diagnostics);
    }

    private static void AssertAt(Diagnostic diagnostic, string id, string text, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(text, Interpreted.Text(diagnostic.Location));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SM0101_property_that_is_not_bool()
    {
        AssertAt(
            Single("[Action] void Step() { }\n[Invariant] int Count() => 1;"),
            "SM0101",
            "Count",
            "[Invariant] member 'Count' returns int: a property is a bool method or a bool property");
    }

    [Fact]
    public void SM0102_parameter_without_domain()
    {
        AssertAt(
            Single("[Action] void Step(int p) { }"),
            "SM0102",
            "p",
            "Parameter 'p' of 'Step' has no domain: add [Range(min, max)] or [Values(...)] (bool and enum parameters need none)");
    }

    [Fact]
    public void SM0103_empty_domain()
    {
        AssertAt(
            Single("const int N = 0;\n[Action] void Step([Range(0, N - 1)] int p) { }"),
            "SM0103",
            "Range(0, N - 1)",
            "Parameter 'p' of 'Step' has an empty domain (Range(0, -1)): give it at least one value, e.g. [Range(0, 2)]");
    }

    [Fact]
    public void SM0104_action_return_type()
    {
        AssertAt(
            Single("[Action] int Step() => 1;"),
            "SM0104",
            "Step",
            "[Action] 'Step' returns int: an action returns void, or bool where false means it is not enabled");
    }

    [Theory]
    [InlineData("[LeadsTo(\"Nope\")] bool P() => true;", "is not a member of 'M'")]
    [InlineData("[LeadsTo(nameof(Q))] bool P() => true;\nint Q() => 1;", "does not return bool")]
    [InlineData("[LeadsTo(nameof(Q))] bool P([Range(0, 1)] int p) => true;\nbool Q(int other) => true;", "takes different parameters")]
    public void SM0105_leads_to_target(string members, string why)
    {
        var diagnostic = Single("[Action] void Step() { }\n" + members);
        Assert.Equal("SM0105", diagnostic.Id);
        Assert.StartsWith("LeadsTo(", Interpreted.Text(diagnostic.Location));
        Assert.Contains(why, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SM0106_class_without_parameterless_constructor()
    {
        AssertAt(
            Single("M(int x) { }\n[Action] void Step() { }"),
            "SM0106",
            "M",
            "[StateMachine] class 'M' has no parameterless constructor: a model is a non-generic, non-static, non-abstract class with a parameterless constructor");
    }

    [Theory]
    [InlineData("[Action] void Step([Range(0, 300)] byte b) { }", "Range(0, 300) does not fit in byte")]
    [InlineData("[Action] void Step([Values(1, 1)] int p) { }", "the value 1 appears twice")]
    [InlineData("[Action] void Step([Values(\"a\")] int p) { }", "the value \"a\" is not a int")]
    [InlineData("[Action] void Step([Range(0, 1)] bool b) { }", "[Range] needs an integer parameter")]
    [InlineData("[Action] void Step([Range(0, 1), Values(1)] int p) { }", "use [Range] or [Values], not both")]
    public void SM0107_invalid_domain(string members, string why)
    {
        var diagnostic = Single(members);
        Assert.Equal("SM0107", diagnostic.Id);
        Assert.Contains(why, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SM0108_one_field_assigned_another_fields_array()
    {
        AssertAt(
            Single("int[] a = new int[2];\nint[] b = new int[2];\n[Action] void Step() { a = b; }"),
            "SM0108",
            "a = b",
            "One mutable object is shared by 'a' and 'b' in the state of 'M': give each place its own copy");
    }

    [Fact]
    public void SM0109_no_actions()
    {
        AssertAt(
            Single("int x;"),
            "SM0109",
            "M",
            "[StateMachine] class 'M' has no [Action] method: add at least one, e.g. '[Action] void Step() { ... }'");
    }

    [Theory]
    [InlineData("[Action, Invariant] bool Step() => true;", "[Invariant] on 'Step' is not allowed")]
    [InlineData("[Action] void Step() { }\n[Invariant] bool P([Process][Range(0, 1)] int p) => true;", "[Process] on 'p' is not allowed")]
    [InlineData("[Action] void Step<T>() { }", "[Action] on 'Step' is not allowed: an action cannot be generic")]
    [InlineData("static int n;\n[Action] static void Step() { n++; }", "[Action] on 'Step' is not allowed: an action is an instance method (a static one cannot change the state)")]
    [InlineData("[Action] void Step() { }\n[Invariant] static bool P() => true;", "[Invariant] on 'P' is not allowed: a property is an instance member (a static one cannot read the state)")]
    [InlineData("[Action] void Step() { }\n[Reachable] static bool P => true;", "[Reachable] on 'P' is not allowed: a property is an instance member")]
    public void SM0110_invalid_member(string members, string message)
    {
        var diagnostic = Single(members);
        Assert.Equal("SM0110", diagnostic.Id);
        Assert.StartsWith(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_model_error_is_reported_in_one_compile()
    {
        var diagnostics = Interpreted.Diagnostics("[Action] void A(int p) { }\n[Action] int B() => 1;\n[Invariant] int C() => 1;");
        Assert.Equal(new[] { "SM0102", "SM0104", "SM0101" }, diagnostics.Select(d => d.Id));
    }
}
