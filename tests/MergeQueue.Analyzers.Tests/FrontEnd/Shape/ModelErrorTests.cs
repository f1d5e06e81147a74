using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>SM0101–SM0115: a class that is not a valid model gets an error at the member, and no model.</summary>
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
    public void SM0102_the_only_constructor_builds_the_initial_states_and_its_parameters_need_domains()
    {
        // Without a parameterless constructor the one constructor there is builds the initial states (SPEC §1).
        AssertAt(
            Single("M(int x) { }\n[Action] void Step() { }"),
            "SM0102",
            "x",
            "Parameter 'x' of 'M' has no domain: add [Range(min, max)] or [Values(...)] (bool and enum parameters need none)");
    }

    [Fact]
    public void SM0113_two_constructors_with_domains()
    {
        AssertAt(
            Single("int x;\nM([Range(0, 1)] int a) { x = a; }\nM([Range(0, 1)] int a, bool b) { x = a; }\n[Action] void Step() { }"),
            "SM0113",
            "M",
            "[StateMachine] class 'M' has 2 constructors that could build its initial states: a model starts from one constructor whose "
            + "parameters have domains (every combination of values is an initial state), or from its parameterless constructor; remove "
            + "the domains of the others, or make them call that one");
    }

    [Theory]
    [InlineData("[StepInvariant] bool Up(int before) => true;", "takes a 'int'")]
    [InlineData("[StepInvariant] bool Up() => true;", "takes 0 parameters")]
    [InlineData("[StepInvariant] int Up(M before) => 1;", "returns int")]
    [InlineData("[StepInvariant, Invariant] bool Up(M before) => true;", "has another property attribute too; check that in a separate member")]
    public void SM0114_step_invariant_with_the_wrong_signature(string member, string why)
    {
        var diagnostic = Single("int x;\n[Action] void Step() { x = 1; }\n" + member);
        Assert.Equal("SM0114", diagnostic.Id);
        Assert.Equal("Up", Interpreted.Text(diagnostic.Location));
        Assert.Equal(
            "[StepInvariant] 'Up' " + why + ": a step invariant is a bool method of the model taking the state before the step, "
            + "'bool Up(M before)', and reading the state after it as this",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[Action(FairnessGroup = \"g\")] void A() { }\n[Action(FairnessGroup = \"g\", Fairness = Fairness.Strong)] void B() { }",
        "differ in Fairness ('A' is Weak, 'B' is Strong)")]
    [InlineData("[Action(FairnessGroup = \"g\")] void A([Process][Range(0, 1)] int p) { }\n[Action(FairnessGroup = \"g\")] void B([Range(0, 1)] int p) { }",
        "differ in [Process] parameters ('A' has (int), 'B' has none)")]
    public void SM0115_actions_of_one_fairness_group_that_differ(string members, string why)
    {
        var diagnostic = Single(members);
        Assert.Equal("SM0115", diagnostic.Id);
        Assert.Equal("B", Interpreted.Text(diagnostic.Location));
        Assert.Equal(
            "Actions 'A' and 'B' of FairnessGroup \"g\" " + why + ": the actions of one group are fair as one action, so they declare the same Fairness and the same [Process] parameters",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
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
