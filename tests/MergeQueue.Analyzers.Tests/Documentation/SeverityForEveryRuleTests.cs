using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Documentation;

/// <summary>
/// Severities through <c>.editorconfig</c> and <c>#pragma</c>, for every rule. Each rule's violating
/// README example is the model that reports it; configured away, the rule is gone and nothing else changes.
/// </summary>
public sealed class SeverityForEveryRuleTests
{
    public static TheoryData<string> Ids() => ReadmeRuleExampleTests.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Editorconfig_severity_none_silences_the_rule(string id)
    {
        var example = ReadmeRules.Example(id, violating: true);
        var before = await ExampleRun.DiagnosticsAsync(example);

        // A later line of the same section wins, also over the SM0010 example's own "warning".
        var config = (example.EditorConfig ?? "root = true\n[*.cs]") + $"\ndotnet_diagnostic.{id}.severity = none\n";
        var after = await ExampleRun.DiagnosticsAsync(example with { EditorConfig = config });

        Assert.Contains(before, d => d.Id == id);
        Assert.DoesNotContain(after, d => d.Id == id);
        Assert.Equal(before.Where(d => d.Id != id).Select(d => d.ToString()), after.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Pragma_warning_disable_silences_the_rule(string id)
    {
        var example = ReadmeRules.Example(id, violating: true);

        var after = await ExampleRun.DiagnosticsAsync(example with { Source = $"#pragma warning disable {id}\n" + example.Source });

        Assert.DoesNotContain(after, d => d.Id == id);
    }
}
