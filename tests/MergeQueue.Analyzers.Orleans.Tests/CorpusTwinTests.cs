using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>
/// The small corpus twins (C# written from tlaplus/Examples specifications by people who had not read what the checker
/// supports) on three silos: each gives what Explore() gives on one machine. TLC's count comes from each twin's json;
/// it is compared where TLC and the engine stop at the same place (a spec that passes, with no bound).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CorpusTwinTests
{
    private readonly ClusterFixture fixture;
    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public CorpusTwinTests(ClusterFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
    {
        this.fixture = fixture;
        this.output = output;
    }

    public static IEnumerable<object[]> Twins() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.json", SearchOption.AllDirectories)
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .Where(json => json.GetProperty("size").GetString() == "small" && json.GetProperty("class").GetString() != "Corpus.MultiPaxos_SMR.MultiPaxos_MC_tiny")
            .Select(json => new object[] { json.GetProperty("class").GetString()! })
            .OrderBy(row => (string)row[0], StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task On_three_silos_a_small_corpus_twin_explores_as_on_one_machine(string className)
    {
        Type model = typeof(CorpusTwinTests).Assembly.GetType(className, throwOnError: true)!;
        ExplorationResult expected = Invoke<ExplorationResult>(model, "Explore", null);
        JsonElement tlc = Json(className).GetProperty("tlc");
        if (tlc.GetProperty("verdict").GetString() == "pass" && expected.Complete)
        {
            Assert.Equal(tlc.GetProperty("distinctStates").GetInt64(), expected.DistinctStates);
        }

        var options = new ExplorationOptions { Cluster = new OrleansExplorationCluster(fixture.Cluster.Client, shardsPerSilo: 2) };
        ExplorationResult actual = await Invoke<Task<ExplorationResult>>(model, "ExploreAsync", options);
        SameResult.Assert(expected, actual);
        output.WriteLine("explored on the cluster: " + className + ", " + actual.DistinctStates + " states");
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public void A_silo_decodes_a_twin_s_states_without_having_built_one(string className)
    {
        // A silo expands states other silos built. A record the generated code could only copy from an instance met
        // before (a static Prototype field) would fail there: the test cluster's silos share one process and would not.
        Type adapter = typeof(CorpusTwinTests).Assembly.GetType(className, throwOnError: true)!.GetNestedType("__MergeQueueModel", BindingFlags.NonPublic)!;
        Assert.DoesNotContain(adapter.GetFields(BindingFlags.NonPublic | BindingFlags.Static), field => field.Name.StartsWith("Prototype", StringComparison.Ordinal));
    }

    private static T Invoke<T>(Type model, string method, ExplorationOptions? options)
    {
        try
        {
            return (T)model.GetMethod(method, new[] { typeof(ExplorationOptions) })!.Invoke(null, new object?[] { options })!;
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
    }

    private static JsonElement Json(string className) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.json", SearchOption.AllDirectories)
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .Single(json => json.GetProperty("class").GetString() == className);
}
