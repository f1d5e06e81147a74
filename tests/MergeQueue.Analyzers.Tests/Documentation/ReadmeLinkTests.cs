using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Documentation;

/// <summary>
/// The README stands alone, in a clone and in the package: each link within it names one of its headings, each link
/// into the repository a file that is there, and none leads out of the repository.
/// </summary>
public sealed class ReadmeLinkTests
{
    [Fact]
    public void Every_link_of_the_README_resolves_inside_the_repository()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        // Code is not links: fenced blocks and inline spans out.
        var prose = Regex.Replace(readme, @"^```.*?^```", string.Empty, RegexOptions.Multiline | RegexOptions.Singleline);
        prose = Regex.Replace(prose, "`+[^`\n]*`+", string.Empty);
        var anchors = Regex.Matches(readme, @"^#+ (.+)$", RegexOptions.Multiline).Select(m => Slug(m.Groups[1].Value)).ToHashSet();
        var targets = Regex.Matches(prose, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();

        var broken = new List<string>();
        foreach (var target in targets.Where(t => !t.StartsWith("https://", System.StringComparison.Ordinal)))
        {
            bool resolves = target.StartsWith('#')
                ? anchors.Contains(target[1..])
                : !target.StartsWith("..", System.StringComparison.Ordinal) && File.Exists(Path.Combine(RepositoryRoot.Path, target.Split('#')[0]));
            if (!resolves)
            {
                broken.Add(target);
            }
        }

        Assert.Contains("#the-generated-explorer-explore", targets);
        Assert.True(broken.Count == 0, "README.md links to what is not there: " + string.Join(", ", broken));
        Assert.DoesNotContain("SPEC.md", readme);
        Assert.DoesNotContain("shared/", readme);
    }

    // GitHub's heading anchors: lower case, punctuation dropped (but '-' and '_'), spaces as '-'.
    private static string Slug(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\p{L}\p{N} _-]", string.Empty).Replace(' ', '-');
}
