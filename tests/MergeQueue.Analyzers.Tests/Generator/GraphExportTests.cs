using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// The generated <c>Explore()</c> with <see cref="ExplorationOptions.GraphStates"/> on: the result draws the explored
/// graph as DOT and Mermaid with the violating trace highlighted, the same text as the interpreted model gives.
/// </summary>
public sealed class GraphExportTests
{
    [Fact]
    public void Generated_explorer_draws_the_ordered_queue_with_its_stuck_trace_highlighted()
    {
        string[] sources = { SampleSource.WithPrCount(SampleSource.Read(SampleSource.Ordered), 2) };
        var (dot, mermaid, stuckTrace) = GeneratedGraph("StuckQueue.OrderedQueue", sources);

        // Every step of the stuck trace is a red edge labelled with its step number, and nothing else is.
        string[] redEdges = dot.Split('\n').Where(line => line.Contains(" -> s") && line.Contains("fontcolor=\"#d00000\"")).ToArray();
        Assert.NotEmpty(stuckTrace);
        Assert.Equal(stuckTrace.Length, redEdges.Length);
        for (int step = 0; step < stuckTrace.Length; step++)
        {
            Assert.Contains("[label=\"" + (step + 1) + ": " + stuckTrace[step] + "\", color=\"#d00000\"", redEdges[step]);
        }

        Assert.Contains("// highlighted (red): 'OrderedQueue' is stuck", dot);
        Assert.Contains("stuck\\l\", style=\"rounded,filled\"", dot);
        Assert.StartsWith("---\ntitle: \"'OrderedQueue': ", mermaid);
        Assert.Contains("\n  linkStyle 0,", mermaid);

        // The compile-time front end's model gives the same graph, byte for byte.
        var compiled = ModelSources.Compile("StuckQueue.OrderedQueue", sources);
        ExplorationResult interpreted = Explorer.Explore(compiled.Model!, new ExplorationOptions { GraphStates = 200 });
        Assert.Equal(interpreted.ToDot(), dot);
        Assert.Equal(interpreted.ToMermaid(), mermaid);
    }

    /// <summary>Generates, loads, explores with GraphStates = 200 and returns DOT, Mermaid and the first violation's step labels.</summary>
    private static (string Dot, string Mermaid, string[] Trace) GeneratedGraph(string typeName, string[] sources)
    {
        var (output, _) = GeneratorRun.Run(GeneratorRun.Compilation(sources));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("GeneratedGraph");
        // Explore() takes the engine assembly's ExplorationOptions, not the checker's copy the tests compile against.
        MethodInfo explore = context.LoadFromStream(image).GetType(typeName, throwOnError: true)!.GetMethod("Explore")!;
        Type optionsType = explore.GetParameters()[0].ParameterType;
        object options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty(nameof(ExplorationOptions.GraphStates))!.SetValue(options, 200);
        object result = explore.Invoke(null, new[] { options })!;
        Type resultType = result.GetType();
        object?[] defaults = { 200, null };
        string dot = (string)resultType.GetMethod(nameof(ExplorationResult.ToDot))!.Invoke(result, defaults)!;
        string mermaid = (string)resultType.GetMethod(nameof(ExplorationResult.ToMermaid))!.Invoke(result, defaults)!;
        var violation = ((System.Collections.IEnumerable)resultType.GetProperty(nameof(ExplorationResult.Violations))!.GetValue(result)!)
            .Cast<object>().First();
        var trace = violation.GetType().GetProperty(nameof(Violation.Trace))!.GetValue(violation)!;
        var steps = ((System.Collections.IEnumerable)trace.GetType().GetProperty(nameof(Trace.Steps))!.GetValue(trace)!).Cast<object>();
        string[] labels = steps.Skip(1).Select(s => (string)s.GetType().GetProperty(nameof(TraceStep.Label))!.GetValue(s)!).ToArray();
        return (dot, mermaid, labels);
    }
}
