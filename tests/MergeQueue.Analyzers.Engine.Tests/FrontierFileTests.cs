using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// Fingerprint mode keeps the states still to be visited in a temporary file: they come back the same and in the same
/// order, only the blocks being visited and appended to are in memory, and the file is gone when the search ends,
/// however it ends.
/// </summary>
public class FrontierFileTests
{
    private const int Block = FrontierFile<long>.BlockSize;

    [Fact]
    public void States_visited_in_order_come_back_from_the_file_the_same_with_two_blocks_in_memory_at_most()
    {
        // As a search does: all states of the first levels are added before most are visited.
        const int count = 7 * Block + 123;
        using var frontier = new FrontierFile<long>(StateSerializers.For<long>()!);
        for (int i = 0; i < count; i++)
        {
            frontier.Add(Value(i));
        }

        Assert.True(frontier.BlocksInMemory <= 2);
        for (int i = 0; i < count; i++)
        {
            if (i % Block == 0)
            {
                frontier.ReleaseBelow(i);
            }

            Assert.True(frontier.TryLoad(i));
            Assert.Equal(Value(i), frontier[i]);
            Assert.True(frontier.BlocksInMemory <= 2);
        }

        // Blocks 1 to 6 were full and ahead of the visitor when they filled; block 0 was being visited, block 7 is not full.
        Assert.Equal(6, frontier.BlocksWritten);
    }

    [Fact]
    public void States_added_while_others_are_visited_come_back_in_number_order()
    {
        // Each visited state adds two, as a breadth-first search's levels grow.
        using var frontier = new FrontierFile<long>(StateSerializers.For<long>()!);
        frontier.Add(Value(0));
        for (int visited = 0; visited < 6 * Block; visited++)
        {
            if (visited % Block == 0)
            {
                frontier.ReleaseBelow(visited);
            }

            Assert.True(frontier.TryLoad(visited));
            Assert.Equal(Value(visited), frontier[visited]);
            if (frontier.Count < 12 * Block)
            {
                frontier.Add(Value(frontier.Count));
                frontier.Add(Value(frontier.Count));
            }
        }

        Assert.True(frontier.BlocksWritten > 0);
    }

    [Fact]
    public void Packed_states_with_and_without_bytes_past_the_words_come_back_equal()
    {
        PackedState Packed(int i) => new(
            (ulong)i * 0x9E3779B97F4A7C15UL,
            ~(ulong)i,
            (i % 4) switch
            {
                0 => null,
                1 => Array.Empty<byte>(),
                2 => new[] { (byte)i, (byte)(i >> 8) },
                _ => Enumerable.Range(0, 130 + i % 300).Select(b => (byte)(b * i)).ToArray(),
            });
        const int count = 3 * Block + 5;
        using var frontier = new FrontierFile<PackedState>(StateSerializers.For<PackedState>()!);
        for (int i = 0; i < count; i++)
        {
            frontier.Add(Packed(i));
        }

        for (int i = 0; i < count; i++)
        {
            Assert.True(frontier.TryLoad(i));
            PackedState back = frontier[i];
            Assert.Equal(Packed(i), back);
            Assert.Equal(Packed(i).Rest?.Length, back.Rest?.Length);
        }

        Assert.Equal(2, frontier.BlocksWritten);
    }

    [Fact]
    public void A_state_below_the_released_point_is_not_loaded_and_load_makes_a_range_resident()
    {
        using var frontier = new FrontierFile<long>(StateSerializers.For<long>()!);
        for (int i = 0; i < 5 * Block; i++)
        {
            frontier.Add(Value(i));
        }

        frontier.ReleaseBelow(Block);
        Assert.False(frontier.TryLoad(Block - 1));
        Assert.False(frontier.TryLoad(5 * Block));
        Assert.False(frontier.IsInMemory(2 * Block));

        frontier.Load(Block, 4 * Block);

        for (int i = Block; i < 4 * Block; i++)
        {
            Assert.True(frontier.IsInMemory(i));
            Assert.Equal(Value(i), frontier[i]);
        }
    }

    [Fact]
    public void Dispose_deletes_the_files()
    {
        var frontier = new FrontierFile<long>(StateSerializers.For<long>()!, blocksPerFile: 2);
        for (int i = 0; i < 6 * Block; i++)
        {
            frontier.Add(Value(i));
        }

        // Blocks 1 to 5 were written: block 1 in the first file, 2 and 3 in the second, 4 and 5 in the third.
        string[] paths = frontier.FilePaths;
        Assert.Equal(3, paths.Length);
        Assert.All(paths, path => Assert.True(File.Exists(path)));

        frontier.Dispose();

        Assert.All(paths, path => Assert.False(File.Exists(path)));
        Assert.Empty(frontier.FilePaths);
    }

    [Fact]
    public void A_file_is_deleted_once_every_block_in_it_was_visited()
    {
        using var frontier = new FrontierFile<long>(StateSerializers.For<long>()!, blocksPerFile: 2);
        for (int i = 0; i < 6 * Block; i++)
        {
            frontier.Add(Value(i));
        }

        string[] paths = frontier.FilePaths;
        frontier.ReleaseBelow(3 * Block);
        Assert.False(File.Exists(paths[0]));
        Assert.True(File.Exists(paths[1]));

        frontier.ReleaseBelow(4 * Block);
        Assert.False(File.Exists(paths[1]));
        Assert.Equal(new[] { paths[2] }, frontier.FilePaths);
        for (int i = 4 * Block; i < 6 * Block; i++)
        {
            Assert.True(frontier.TryLoad(i));
            Assert.Equal(Value(i), frontier[i]);
        }
    }

    [Fact]
    public void Without_a_directory_to_write_to_the_states_stay_in_memory()
    {
        string missing = Path.Combine(Path.GetTempPath(), "mergequeue-no-such-directory-" + Guid.NewGuid().ToString("N"));
        using var frontier = new FrontierFile<long>(StateSerializers.For<long>()!, missing);
        for (int i = 0; i < 4 * Block; i++)
        {
            frontier.Add(Value(i));
        }

        Assert.Equal(0, frontier.BlocksWritten);
        Assert.Empty(frontier.FilePaths);
        Assert.Equal(4, frontier.BlocksInMemory);
        for (int i = 0; i < 4 * Block; i++)
        {
            Assert.True(frontier.TryLoad(i));
            Assert.Equal(Value(i), frontier[i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_fingerprint_search_goes_through_the_file_and_deletes_it_at_the_end(int workers)
    {
        // TLC, MQ5_Fixed N = 5, invariants only: 187,272 distinct states (as MergeQueueTests), levels of tens of thousands.
        var paths = new HashSet<string>();
        StateGraph<long>? graph = null;
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None), steps => paths.UnionWith(graph!.Frontier!.FilePaths));
        ExplorationBound stopped = Search(model, new ExplorationOptions { FingerprintsOnly = true, Workers = workers }, out graph);

        Assert.Equal(ExplorationBound.None, stopped);
        Assert.Equal(187_272, graph.Count);
        Assert.True(graph.Frontier!.BlocksWritten > 10);
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.False(File.Exists(path)));
        Assert.Empty(graph.Frontier.FilePaths);
    }

    [Fact]
    public void The_file_is_deleted_when_the_search_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        string[] paths = Array.Empty<string>();
        StateGraph<long>? graph = null;
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None), steps =>
        {
            if (steps == 200_000)
            {
                paths = graph!.Frontier!.FilePaths;
                cancellation.Cancel();
            }
        });
        ExplorationBound stopped = Search(model, new ExplorationOptions { FingerprintsOnly = true, CancellationToken = cancellation.Token }, out graph);

        Assert.Equal(ExplorationBound.Cancelled, stopped);
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.False(File.Exists(path)));
    }

    [Fact]
    public void The_file_is_deleted_when_a_step_throws()
    {
        string[] paths = Array.Empty<string>();
        StateGraph<long>? graph = null;
        var model = new HookedModel(new MergeQueueModel(QueueVersion.Fixed, 5, QueueGoal.None), steps =>
        {
            if (steps == 200_000)
            {
                paths = graph!.Frontier!.FilePaths;
                throw new InvalidOperationException("the host failed");
            }
        });

        Assert.Throws<InvalidOperationException>(() => Search(model, new ExplorationOptions { FingerprintsOnly = true }, out graph));

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.False(File.Exists(path)));
    }

    private static long Value(int i) => i * 1_000_003L - 7;

    // The graph is set before the search runs, so that the model's hook can look at it.
    private static ExplorationBound Search(HookedModel model, ExplorationOptions options, out StateGraph<long> graph)
    {
        var budget = new StepBudget(options.MaxStepsPerExecution, options.CancellationToken);
        graph = new StateGraph<long>(model, fingerprintsOnly: true, recordEdges: false, budget, options.Workers, filesIn: Path.GetTempPath());
        return new BreadthFirstSearch<long>(model, options, graph, Stopwatch.StartNew()).Run();
    }
}
