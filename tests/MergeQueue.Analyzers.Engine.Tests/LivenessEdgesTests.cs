using System;
using System.IO;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The liveness graph's edges come back as they were added, from memory or from a temporary file mapped into memory,
/// in each width an action instance can take; the file is gone once they are disposed, and no file is made without a
/// directory to write to.
/// </summary>
public sealed class LivenessEdgesTests : IDisposable
{
    private const int Count = 50_000;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "mergequeue-test-" + Guid.NewGuid().ToString("N"));

    public LivenessEdgesTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(3, false)]
    [InlineData(3, true)]
    [InlineData(300, true)]
    [InlineData(70_000, true)]
    [InlineData(70_000, false)]
    public void Edges_come_back_as_they_were_added(int instanceBound, bool inFile)
    {
        using LivenessEdges edges = inFile
            ? LivenessEdges.InFile(directory, instanceBound)!
            : LivenessEdges.InMemory(Count, instanceBound);
        for (int edge = 0; edge < Count; edge++)
        {
            edges.Add(Target(edge), Instance(edge, instanceBound));
        }

        edges.Complete();

        Assert.Equal(inFile, edges.IsInFile);
        Assert.Equal(Count, edges.Count);
        for (int edge = Count - 1; edge >= 0; edge -= 7)
        {
            Assert.Equal(Target(edge), edges.Target(edge));
            Assert.Equal(Instance(edge, instanceBound), edges.Instance(edge));
        }
    }

    [Fact]
    public void Dispose_deletes_the_file()
    {
        LivenessEdges edges = LivenessEdges.InFile(directory, 2)!;
        edges.Add(1, 0);
        edges.Add(0, 1);
        edges.Complete();
        string path = edges.FilePath!;
        Assert.True(File.Exists(path));

        edges.Dispose();

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void Without_a_directory_to_write_to_there_is_no_file()
    {
        string missing = Path.Combine(directory, "missing");

        Assert.Null(LivenessEdges.InFile(missing, 2));
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void In_memory_fewer_edges_than_announced_are_an_error()
    {
        using LivenessEdges edges = LivenessEdges.InMemory(2, 2);
        edges.Add(1, 0);

        Assert.Throws<InvalidOperationException>(() => edges.Complete());
    }

    private static int Target(int edge) => (int)(FingerprintTable.Key((ulong)edge) >> 33);

    private static int Instance(int edge, int bound) => (int)(FingerprintTable.Key((ulong)edge + 1) % (ulong)bound);
}
