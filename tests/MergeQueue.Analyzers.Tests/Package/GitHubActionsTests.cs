using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>
/// A build in GitHub Actions: the runner turns workflow commands (<c>::error …::</c>) and the lines its problem matchers
/// match into annotations. actions/setup-dotnet registers a matcher owned by "csc" for compiler lines, which would
/// annotate each SM diagnostic twice (the console logger repeats it in its summary) with its first line only.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class GitHubActionsTests(PackedPackageFixture package)
{
    // What setup-dotnet's csc matcher matches: `file(line[,col[,endLine,endCol]]): error|warning CODE: message [project]`,
    // codes other than MSB ones (its .github/csc.json).
    private static readonly Regex SetupDotnetMatcher = new(@"^(.*)\((\d+)(?:,\d+|,\d+,\d+)?\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$");

    [Fact]
    public void Each_SM_diagnostic_is_annotated_once_with_its_whole_trace_and_compiler_warnings_still_are()
    {
        // A compiler warning beside the model: CS0219, a variable assigned and never used.
        var project = package.NewConsumer("OnGitHub", SampleSource.Read(SampleSource.Ordered));
        File.WriteAllText(Path.Combine(project, "Unused.cs"), "static class Unused { static void M() { int never = 1; } }");
        var environment = new Dictionary<string, string>(package.Environment) { ["GITHUB_ACTIONS"] = "true", ["GITHUB_WORKSPACE"] = package.Root };

        var (exitCode, output) = DotnetCli.Run(project, environment, "build", "-nodeReuse:false");

        Assert.NotEqual(0, exitCode);
        var annotations = Runner.Annotate(output);

        var stuck = annotations.Where(a => a.Code == "SM0002").ToList();
        Assert.True(stuck.Count == 1, "SM0002 annotated " + stuck.Count + " times:\n" + output);
        Assert.Equal("OnGitHub/Model.cs", stuck[0].File);
        Assert.Equal(15, stuck[0].Line);
        Assert.Equal("error", stuck[0].Severity);
        Assert.Contains("\n7: Block(p: 0): pr = [Blocked, Validated, Validated]\n", stuck[0].Message);
        Assert.Contains("Merge: Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 37) for every p", stuck[0].Message);

        // The matcher that replaced setup-dotnet's still annotates the compiler's own diagnostics.
        Assert.Contains(annotations, a => a.Code == "CS0219" && a.Severity == "warning" && a.File.EndsWith("Unused.cs"));
    }

    private sealed record Annotation(string Severity, string Code, string File, int Line, string Message);

    /// <summary>What the Actions runner does with a step's output, as far as annotations go.</summary>
    private static class Runner
    {
        public static List<Annotation> Annotate(string output)
        {
            var matchers = new Dictionary<string, Regex> { ["csc"] = SetupDotnetMatcher };
            var annotations = new List<Annotation>();
            foreach (var raw in output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                string command = line.TrimStart();
                if (command.StartsWith("::add-matcher::"))
                {
                    // A matcher with the owner of one registered before replaces it.
                    using var json = JsonDocument.Parse(File.ReadAllText(command["::add-matcher::".Length..]));
                    foreach (var matcher in json.RootElement.GetProperty("problemMatcher").EnumerateArray())
                    {
                        matchers[matcher.GetProperty("owner").GetString()!] = new Regex(matcher.GetProperty("pattern")[0].GetProperty("regexp").GetString()!);
                    }
                }
                else if (Regex.Match(command, @"^::(error|warning) (?<properties>[^:]*)::(?<message>.*)$") is { Success: true } workflow)
                {
                    var properties = workflow.Groups["properties"].Value.Split(',')
                        .Select(p => p.Split('=', 2))
                        .ToDictionary(p => p[0], p => Unescape(p[1]).Replace("%3A", ":").Replace("%2C", ","));
                    annotations.Add(new Annotation(
                        workflow.Groups[1].Value,
                        properties["title"].Split(' ')[0],
                        properties["file"],
                        int.Parse(properties["line"]),
                        Unescape(workflow.Groups["message"].Value)));
                }
                else
                {
                    foreach (var matcher in matchers.Values)
                    {
                        var match = matcher.Match(line);
                        if (match.Success)
                        {
                            // Both matchers put the severity, code and message in the groups named by their JSON.
                            var severity = match.Groups.Cast<Group>().First(g => g.Value is "error" or "warning").Value;
                            var code = Regex.Match(line, @"(error|warning)\s+([A-Za-z]+\d+):").Groups[2].Value;
                            annotations.Add(new Annotation(severity, code, match.Groups[1].Value, int.Parse(match.Groups[2].Value), line));
                        }
                    }
                }
            }

            return annotations;
        }

        private static string Unescape(string text) => text.Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
    }
}
