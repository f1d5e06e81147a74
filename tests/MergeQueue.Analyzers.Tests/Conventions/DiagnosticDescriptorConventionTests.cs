using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Diagnostics;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Conventions;

/// <summary>Every descriptor is documented, tracked for release, and linked to its README anchor.</summary>
public sealed class DiagnosticDescriptorConventionTests
{
    private static readonly string RepositoryRoot = Infrastructure.RepositoryRoot.Path;

    public static TheoryData<string> Ids() => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Fact]
    public void The_analyzer_supports_every_descriptor_and_ids_are_unique()
    {
        var supported = new StateMachineAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();

        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), supported);
        Assert.Equal(supported.Count, supported.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_at_the_rule_anchor_in_the_README(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));

        Assert.Equal(DiagnosticDescriptors.HelpLinkBase + id.ToLowerInvariant(), descriptor.HelpLinkUri);
        Assert.Matches(new Regex("^### " + id + "$", RegexOptions.Multiline), readme);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_lists_the_rule_with_its_category_and_severity(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "MergeQueue.Analyzers.Checker", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot, "src", "MergeQueue.Analyzers.Checker", "AnalyzerReleases.Shipped.md"));
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";

        Assert.Matches(new Regex($@"^{id} \| {Regex.Escape(descriptor.Category)} \| {severity} \|", RegexOptions.Multiline), releases);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Ids_are_SM_and_four_digits_in_the_right_category(string id)
    {
        var descriptor = DiagnosticDescriptors.All.Single(d => d.Id == id);

        Assert.Matches("^SM\\d{4}$", id);
        var expected = string.CompareOrdinal(id, "SM0100") >= 0 ? DiagnosticDescriptors.ModelCategory : DiagnosticDescriptors.VerificationCategory;
        Assert.Equal(expected, descriptor.Category);
    }
}
