using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using MergeQueue.Analyzers.Tests.Corpus;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// A generated explorer can be loaded into a collectible load context (a plug-in host, a test runner) and unloaded. Its
/// code keeps no thread statics: those of a collectible assembly are torn down when it unloads while threads that used
/// them still run, and the test host crashed in the runtime's collector while explorers holding them were unloaded.
/// The arrays they held are the adapter's per thread (<c>ScratchArrays</c>).
/// </summary>
public sealed class CollectibleLoadingTests
{
    public static IEnumerable<object[]> Models() =>
        CorpusModel.All.Where(m => CorpusStatus.IsChecked(m.Name)).Select(m => new object[] { m.Name })
            .Concat(new[] { "naive", "ci", "fixed", "ordered" }.Select(sample => new object[] { sample }))
            .Concat(GeneratorTestModels.All.Select(m => new object[] { m.Name }));

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_code_keeps_no_thread_statics(string name)
    {
        string generated = string.Join("\n", GeneratorRun.Run(Compilation(name)).Result.GeneratedTrees.Select(t => t.ToString()));

        Assert.Contains("Explore(", generated);
        Assert.DoesNotContain("ThreadStatic", generated);
        Assert.DoesNotContain("ThreadLocal", generated);
    }

    // A string, a set, a readonly dictionary and a record class: each array the generated code reuses (a string's chars,
    // a set's items sorted, the collections Restore refills in place).
    // By hand: name ∈ {"", "a", "aa"}: 3; set ⊆ {1, 2, 3}: 8; map's keys ⊆ {1, 2}: 4; job ∈ {(0, "a"), (1, "ab"),
    // (2, "abb")}: 3. Independent: 3 * 8 * 4 * 3 = 288.
    private static readonly string Model = GeneratorTestModels.Source("Unloaded", """
        string name = "";
        HashSet<int> set = new();
        readonly Dictionary<int, int> map = new();
        Job job = new(0, "a");
        [Action] void Grow() { Require(name.Length < 2); name += "a"; }
        [Action] void Add([Range(1, 3)] int x) { Require(!set.Contains(x)); set.Add(x); }
        [Action] void Put([Range(1, 2)] int k) { Require(!map.ContainsKey(k)); map[k] = k; }
        [Action] void Rename() { Require(job.Id < 2); job = job with { Id = job.Id + 1, Name = job.Name + "b" }; }
        [Action] void Idle() { }
        """, "public record Job(int Id, string Name);\n");

    [Fact]
    public void An_explorer_run_on_two_workers_unloads_with_its_context()
    {
        var (context, states) = ExploreInCollectibleContext();
        Assert.Equal(288, states);

        for (int i = 0; context.IsAlive && i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "The collectible context of the generated explorer was not collected after Unload().");
    }

    // Records of the model's own assembly in a list the sharing check walks: the engine decides once per type what
    // the check does with it, and must not keep the unloaded assembly's types for that.
    // By hand: jobs grows to [(0, "a")], [(0, "a"), (1, "a")] and stops: 3 states.
    private static readonly string Walked = GeneratorTestModels.Source("Walked", """
        List<Job> jobs = new();
        [Action] void Add() { Require(jobs.Count < 2); jobs = [.. jobs, new Job(jobs.Count, "a")]; }
        [Terminal] bool Done => jobs.Count == 2;
        """, "public record Job(int Id, string Name);\n");

    [Fact]
    public void An_explorer_whose_state_the_sharing_check_walks_unloads_with_its_context()
    {
        var (context, states) = ExploreInCollectibleContext(Walked, "Walked");
        Assert.Equal(3, states);

        for (int i = 0; context.IsAlive && i < 20; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "The collectible context of the generated explorer was not collected after Unload().");
    }

    // Apart, and not inlined, so that no local of the test method keeps the context's objects reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Context, long States) ExploreInCollectibleContext()
    {
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(Model));
        string generated = string.Join("\n", output.SyntaxTrees.Select(t => t.ToString()));
        Assert.Contains("reader.Arrays.Get<char>(", generated);
        Assert.Contains("writer.Arrays.Get<int>(", generated);
        Assert.Contains("arrays.Get<object>(", generated);
        return Load(output, "Unloaded");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Context, long States) ExploreInCollectibleContext(string model, string name)
    {
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(model));
        Assert.Contains("SharedPlaces(", string.Join("\n", output.SyntaxTrees.Select(t => t.ToString())));
        return Load(output, name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Context, long States) Load(Microsoft.CodeAnalysis.Compilation output, string name)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;

        var context = new AssemblyLoadContext(name, isCollectible: true);
        var explore = context.LoadFromStream(image).GetType(name, throwOnError: true)!.GetMethod("Explore")!;
        var result = GeneratedResult.From(explore.Invoke(null, new[] { GeneratorRun.EngineOptions(explore, new ExplorationOptions { Workers = 2 }) })!);
        Assert.Empty(result.Violations);
        context.Unload();
        return (new WeakReference(context), result.DistinctStates);
    }

    internal static Microsoft.CodeAnalysis.Compilation Compilation(string name)
    {
        if (CorpusModel.All.SingleOrDefault(m => m.Name == name) is { } twin)
        {
            return TestCompilation.CreateForRuntime(twin.SourcePath, twin.Source).AddReferences(GeneratorRun.Engine);
        }

        return GeneratorRun.Compilation(AgreementTests.Sources(name));
    }
}
