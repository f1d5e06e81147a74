using System;
using System.Linq;
using MergeQueue.Analyzers;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Conformance;

/// <summary>The JSON-lines log format of <see cref="ModelStep.ParseJsonLines"/>, read without System.Text.Json.</summary>
public sealed class ModelStepTests
{
    [Fact]
    public void ParseJsonLines_reads_action_and_named_args_and_ignores_other_members_and_blank_lines()
    {
        string log = "{\"action\": \"Enqueue\", \"args\": {\"p\": 0}}\n\n"
            + "{\"at\": \"2026-01-01T10:00:00Z\", \"action\": \"RunCi\", \"args\": {\"p\": 1, \"passes\": true}, \"tags\": [1, {\"x\": null}]}\r\n"
            + "  {\"action\":\"Block\"}  ";

        var steps = ModelStep.ParseJsonLines(log);

        Assert.Equal(new[] { "Enqueue", "RunCi", "Block" }, steps.Select(s => s.Action));
        Assert.Equal(0L, steps[0].NamedArguments!["p"]);
        Assert.Equal(true, steps[1].NamedArguments!["passes"]);
        Assert.Empty(steps[2].NamedArguments!);
    }

    [Fact]
    public void ParseJsonLines_reads_string_escapes_and_negative_and_real_numbers()
    {
        var step = Assert.Single(ModelStep.ParseJsonLines("{\"action\": \"Say\", \"args\": {\"s\": \"a\\\"b\\u0041\\n\", \"n\": -12, \"r\": 1.5e1}}"));

        Assert.Equal("a\"bA\n", step.NamedArguments!["s"]);
        Assert.Equal(-12L, step.NamedArguments["n"]);
        Assert.Equal(15.0, step.NamedArguments["r"]);
    }

    [Theory]
    [InlineData("{\"action\": \"Enqueue\", \"args\": {\"p\": 0}", "expected '}'")]
    [InlineData("{\"args\": {}}", "no \"action\" string")]
    [InlineData("{\"action\": \"Enqueue\", \"args\": [0]}", "\"args\" is not an object")]
    [InlineData("[1]", "expected a JSON object")]
    public void ParseJsonLines_names_the_line_and_what_is_wrong(string badLine, string problem)
    {
        var error = Assert.Throws<FormatException>(() => ModelStep.ParseJsonLines("{\"action\": \"Enqueue\"}\n" + badLine));

        Assert.StartsWith("Line 2 of the log: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Create_keeps_the_positional_values_and_shows_them()
    {
        var step = ModelStep.Create("RunCi", 0, true);

        Assert.Equal(new object?[] { 0, true }, step.Arguments);
        Assert.Null(step.NamedArguments);
        Assert.Equal("RunCi(0, true)", step.ToString());
    }
}
