using System.IO;
using System.Linq;
using System.Text.Json;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>A user's project that references the packed MergeQueue.Analyzers package, built with `dotnet build`.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageConsumptionTests(PackedPackageFixture package)
{
    [Fact]
    public void Buggy_model_fails_the_build_with_the_diagnostics_their_traces_and_SARIF_related_locations()
    {
        var project = package.NewConsumer("Stuck", SampleSource.Read(SampleSource.Ordered));

        // As the StuckQueue sample does: explore past the stuck state, so that the liveness failure it causes shows too.
        var (exitCode, output) = package.Build(project, "-p:ErrorLog=build.sarif%2Cversion%3D2.1", "-p:MergeQueueContinueAfterViolation=true");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Model.cs(15,22): error SM0002: 'OrderedQueue' is stuck after 7 steps", output);
        Assert.Contains("error SM0003: [Eventually] 'EveryPrResolved' fails on a fair behavior", output);

        // The package prints the full trace: MSBuild alone would show only the first line.
        Assert.Contains("7: Block(p: 0): pr = [Blocked, Validated, Validated]", output);
        Assert.Contains("Merge: Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 37) for every p", output);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "build.sarif")));
        var stuck = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "SM0002");
        var steps = stuck.GetProperty("relatedLocations").EnumerateArray()
            .Select(l => l.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32())
            .ToList();

        // Enqueue is declared on line 22, RunCi on 29, Block on 41 of the sample: the trace's actions, in order.
        Assert.Equal(new[] { 22, 22, 22, 29, 29, 29, 41 }, steps);

        // The same trace as a code flow, as GitHub code scanning walks it: the initial state at the class (line 15), then
        // each step at its action, each with its trace line.
        var flow = stuck.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray()
            .Select(l => l.GetProperty("location"))
            .ToList();
        Assert.Equal(
            new[] { 15, 22, 22, 22, 29, 29, 29, 41 },
            flow.Select(l => l.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()));
        Assert.Equal("0: initial state: pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1", flow[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("7: Block(p: 0): pr = [Blocked, Validated, Validated]", flow[7].GetProperty("message").GetProperty("text").GetString());

        // The message links each step to its related location (SARIF's "[text](id)", literal brackets escaped).
        var related = stuck.GetProperty("relatedLocations")[6];
        Assert.Equal(7, related.GetProperty("id").GetInt32());
        Assert.Contains("\n[7](7): Block(p: 0): pr = \\[Blocked, Validated, Validated\\]", stuck.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Correct_model_builds_green_and_an_up_to_date_build_keeps_the_users_own_SARIF_log()
    {
        var project = package.NewConsumer("Fixed", SampleSource.Read(SampleSource.Fixed) + SampleSource.Read(SampleSource.Pr).Replace("namespace MergeQueue.Samples;", ""));

        var (exitCode, output) = package.Build(project, "-p:ErrorLog=user.sarif");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": error SM", output);
        Assert.DoesNotContain(": warning SM", output);
        Assert.True(File.Exists(Path.Combine(project, "user.sarif")), output);

        // Nothing changed, so the compiler does not run again: the log it wrote last time is the user's to keep.
        (exitCode, output) = package.Build(project, "-p:ErrorLog=user.sarif");

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(Path.Combine(project, "user.sarif")), "The up-to-date build deleted the user's SARIF log:\n" + output);
    }

    [Fact]
    public void Package_build_files_pass_the_settings_to_the_checker_and_name_a_compiler_older_than_Roslyn_4_14()
    {
        var project = package.NewConsumer("Bounded", SampleSource.Read(SampleSource.Fixed) + SampleSource.Read(SampleSource.Pr).Replace("namespace MergeQueue.Samples;", ""));

        // The targets read the compiler's version from CompilerApiVersion, which Roslyn's own targets set: this one
        // pretends to be Roslyn 4.8 (the compiler that runs is still this SDK's, so the checker runs all the same).
        var (_, output) = package.Build(project, "-p:MergeQueueMaxStates=100", "-p:CompilerApiVersion=roslyn4.8");

        Assert.Contains("warning SM0005: 'FixedQueue' was not fully explored: MaxStates (100) reached", output);
        Assert.Contains("warning SMCFG0001: MergeQueue.Analyzers needs the Roslyn 4.14 compiler or later (.NET SDK 9.0.300, Visual Studio 2022 17.14); this build's compiler is roslyn4.8", output);
    }

    [Fact]
    public void Statistics_show_in_dotnet_build_at_severity_warning_not_at_suggestion()
    {
        // The README's SM0010 example. 3 states (count 0, 1, 2), 3 transitions (each steps to the next), depth 2: by hand.
        var project = package.NewConsumer("Statistics", """
            using MergeQueue.Analyzers;

            [StateMachine]
            public partial class Counter
            {
                int count;

                [Action] void Increment() => count = (count + 1) % 3;
            }
            """,
            "<TargetFramework>net10.0</TargetFramework><TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>SM0010</WarningsNotAsErrors>");
        const string Counts = "'Counter': 3 distinct states, 3 transitions, depth 2, ";

        // A suggestion reaches the IDE and the SARIF log; the console shows it only at -v:d.
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.SM0010.severity = suggestion\n");
        var (exitCode, output) = package.Build(project);
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(Counts, output);

        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.SM0010.severity = warning\n");
        (exitCode, output) = package.Build(project);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Model.cs(4,22): warning SM0010: " + Counts, output);
    }
}
