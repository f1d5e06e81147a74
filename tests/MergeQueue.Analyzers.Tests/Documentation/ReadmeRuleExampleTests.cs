using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Documentation;

/// <summary>
/// The README's rule examples stay true: under each <c>### SMxxxx</c> heading, the model after <c>Violating:</c>
/// gets that diagnostic, with exactly the first message line the README shows, and the model after
/// <c>Compliant:</c> gets neither that diagnostic nor any warning or error.
/// </summary>
public sealed class ReadmeRuleExampleTests
{
    public static TheoryData<string> Ids() => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Fact]
    public void Every_rule_has_a_violating_and_a_compliant_example()
    {
        var sections = ReadmeRules.Sections;
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        var incomplete = ids
            .Where(id => !sections.TryGetValue(id, out var section)
                || section.Violating?.Source is null
                || section.Violating.FirstLine is null
                || section.Compliant?.Source is null)
            .ToList();
        var unknown = sections.Keys.Except(ids).ToList();
        var problems = sections.Values.SelectMany(s => s.Problems).ToList();

        Assert.True(
            incomplete.Count == 0,
            "README.md needs, under '### <id>', 'Violating:' with a csharp and a text block and 'Compliant:' with a csharp block, for: "
            + string.Join(", ", incomplete));
        Assert.True(unknown.Count == 0, "README.md documents rules that DiagnosticDescriptors.All lacks: " + string.Join(", ", unknown));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Violating_example_reports_the_rule(string id)
    {
        var example = ReadmeRules.Example(id, violating: true);

        var diagnostics = await ExampleRun.DiagnosticsAsync(example);

        var reported = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(reported is not null, $"The violating {id} example does not report {id}; it reports:\n" + ExampleRun.Describe(diagnostics));
        var others = diagnostics.Where(d => d.Id != id && d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(others.Count == 0, $"The violating {id} example should show {id} alone; it also reports:\n" + ExampleRun.Describe(others));
        if (example.FirstLine is not null)
        {
            Assert.Equal(WithoutTime(example.FirstLine), WithoutTime(reported.MessageLines()[0]));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Compliant_example_is_clean(string id)
    {
        var example = ReadmeRules.Example(id, violating: false);

        var diagnostics = await ExampleRun.DiagnosticsAsync(example);

        var wrong = diagnostics.Where(d => d.Id == id || d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(wrong.Count == 0, $"The compliant {id} example reports:\n" + ExampleRun.Describe(wrong));
    }

    // SM0010 ends in the wall time ("…, depth 2, 0 ms"), which the README cannot pin down.
    private static string WithoutTime(string line) => Regex.Replace(line.TrimEnd('\r'), @"\b\d+ ms$", "{ms} ms");
}

/// <summary>One example under a rule heading: the model, the <c>.editorconfig</c> it needs, the message's first line.</summary>
internal sealed record RuleExample(string? Source, string? EditorConfig, string? FirstLine);

/// <summary>A <c>### SMxxxx</c> section of the README's Rules section, and what is malformed in it.</summary>
internal sealed record RuleSection(string Id, RuleExample? Violating, RuleExample? Compliant, IReadOnlyList<string> Problems);

/// <summary>Reads the examples out of README.md's Rules section (from <c>## Rules</c> up to <c>## Configuration</c>).</summary>
internal static class ReadmeRules
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleSection>> Parsed = new(
        () => Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"))));

    public static IReadOnlyDictionary<string, RuleSection> Sections => Parsed.Value;

    /// <summary>The example of <paramref name="id"/>, failing the test if the README lacks it or its section is malformed.</summary>
    public static RuleExample Example(string id, bool violating)
    {
        string label = violating ? "Violating:" : "Compliant:";
        Assert.True(Sections.TryGetValue(id, out var section), "README.md has no '### " + id + "' section under '## Rules'.");
        Assert.True(section.Problems.Count == 0, string.Join("\n", section.Problems));
        var example = violating ? section.Violating : section.Compliant;
        Assert.True(example?.Source is not null, "README.md's '### " + id + "' has no csharp block after '" + label + "'.");
        return example;
    }

    public static IReadOnlyDictionary<string, RuleSection> Parse(string readme)
    {
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.IndexOf(lines, "## Rules");
        int end = Array.IndexOf(lines, "## Configuration");
        Assert.True(start >= 0 && end > start, "README.md has no '## Rules' section followed by '## Configuration'.");

        var sections = new Dictionary<string, RuleSection>(StringComparer.Ordinal);
        string? id = null;
        string? label = null;
        var examples = new Dictionary<string, RuleExample>(StringComparer.Ordinal);
        var problems = new List<string>();

        void Close()
        {
            if (id is not null)
            {
                if (sections.ContainsKey(id))
                {
                    problems.Add("README.md has two '### " + id + "' sections.");
                    problems.AddRange(sections[id].Problems);
                }

                sections[id] = new RuleSection(id, examples.GetValueOrDefault("Violating:"), examples.GetValueOrDefault("Compliant:"), problems.ToList());
            }

            examples.Clear();
            problems.Clear();
            label = null;
        }

        for (int i = start + 1; i < end; i++)
        {
            string line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Close();
                id = line.Substring(4);
            }
            else if (id is not null && line is "Violating:" or "Compliant:")
            {
                if (examples.ContainsKey(line))
                {
                    problems.Add("README.md's '### " + id + "' has '" + line + "' twice.");
                }

                label = line;
                examples[label] = new RuleExample(null, null, null);
            }
            else if (line.StartsWith("```", StringComparison.Ordinal))
            {
                string language = line.Substring(3).Trim();
                var block = new StringBuilder();
                for (i++; i < end && lines[i] != "```"; i++)
                {
                    block.Append(lines[i]).Append('\n');
                }

                if (i >= end)
                {
                    problems.Add("README.md's '### " + id + "' has an unclosed ``` block.");
                }
                else if (id is not null && label is not null)
                {
                    examples[label] = Add(examples[label], language, block.ToString(), label == "Violating:", "README.md's '### " + id + "', after '" + label + "'", problems);
                }
            }
        }

        Close();
        return sections;
    }

    private static RuleExample Add(RuleExample example, string language, string text, bool violating, string where, List<string> problems)
    {
        switch (language)
        {
            case "csharp" when example.Source is null:
                return example with { Source = text };
            case "ini" when example.EditorConfig is null:
                return example with { EditorConfig = text };
            case "text" when violating && example.FirstLine is null:
                var messageLines = text.TrimEnd('\n').Split('\n');
                if (messageLines.Length != 1)
                {
                    problems.Add(where + ": the text block shows the message's first line only.");
                }

                return example with { FirstLine = messageLines[0] };
            case "csharp" or "ini" or "text":
                problems.Add(where + ": one csharp block (the model), at most one ini block (its .editorconfig) and, for a violating example only, one text block (the message's first line); found another ```" + language + " block.");
                return example;
            default:
                problems.Add(where + ": a ```" + language + " block; examples use csharp, text and ini.");
                return example;
        }
    }
}

/// <summary>
/// Runs the analyzer on one README example as a user's build does: default severities, plus the example's own
/// <c>.editorconfig</c>. (<see cref="AnalyzerRun"/> turns SM0010 on everywhere; the SM0010 examples are about that switch.)
/// </summary>
internal static class ExampleRun
{
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(RuleExample example)
    {
        Compilation compilation = Files(example.Source!);
        if (example.EditorConfig is not null)
        {
            compilation = EditorConfigOptions.Apply(compilation, example.EditorConfig);
        }

        var all = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StateMachineAnalyzer()), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAllDiagnosticsAsync();
        var crashes = all.Where(d => d.Id is "AD0001").ToList();
        Assert.True(crashes.Count == 0, "The analyzer crashed:\n" + Describe(crashes));
        var compilerWarnings = all.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compilerWarnings.Count == 0, "The example does not compile cleanly:\n" + Describe(compilerWarnings));
        return all
            .Where(d => d.Id.StartsWith("SM", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// The example's files: one, or, when it has <c>// file: Name.cs</c> lines, a file from each such line to the next
    /// (SM0117 is about a model split over two files); what stands before the first (a <c>#pragma</c> a test adds)
    /// opens the first file.
    /// </summary>
    private static Compilation Files(string source)
    {
        var marker = new Regex("^// file: (.*)$", RegexOptions.Multiline);
        var markers = marker.Matches(source).Cast<Match>().ToList();
        if (markers.Count == 0)
        {
            return TestCompilation.Create(source);
        }

        string prefix = source.Substring(0, markers[0].Index);
        var trees = markers.Select((m, i) =>
        {
            int start = m.Index + m.Length + 1;
            int end = i + 1 < markers.Count ? markers[i + 1].Index : source.Length;
            return Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                (i == 0 ? prefix : string.Empty) + source.Substring(start, Math.Max(0, end - start)),
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest),
                m.Groups[1].Value.Trim());
        });
        var compilation = TestCompilation.CreateUnchecked().AddSyntaxTrees(trees);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The example does not compile:\n" + Describe(errors));
        return compilation;
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var text = string.Join("\n", diagnostics.Select(d => "  " + d.Id + " " + d.Severity + ": " + d.GetMessage(CultureInfo.InvariantCulture).Split('\n')[0]));
        return text.Length == 0 ? "  (nothing)" : text;
    }
}
