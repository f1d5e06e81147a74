using System;
using System.Threading;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Engine.Cluster;
using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests.Cluster;

/// <summary>
/// The engine's own bytes between the coordinator and the shards (issue 18): what a message carries comes back as it
/// was, a host that never saw the run's first request says so, and a model whose states are not bytes is refused.
/// </summary>
public sealed class ClusterProtocolTests
{
    [Fact]
    public void A_state_travels_as_its_canonical_bytes_and_an_empty_rest_stays_apart_from_none()
    {
        var states = new[]
        {
            new PackedState(0, 0, null),
            new PackedState(ulong.MaxValue, 1, Array.Empty<byte>()),
            new PackedState(42, ulong.MaxValue - 7, new byte[] { 0, 1, 255, 128 }),
        };
        var writer = new MessageWriter(1);
        foreach (PackedState state in states)
        {
            writer.State(state);
        }

        var reader = new MessageReader(writer.ToArray());
        foreach (PackedState state in states)
        {
            PackedState read = reader.State();
            Assert.Equal(state, read);
            Assert.Equal(state.Hash64(), read.Hash64());
        }

        Assert.True(reader.AtEnd);
        Assert.NotEqual(states[0].Hash64(), new PackedState(0, 0, Array.Empty<byte>()).Hash64());
    }

    [Fact]
    public void Numbers_indexes_text_and_flags_come_back_as_written()
    {
        var writer = new MessageWriter(1);
        writer.Number(0);
        writer.Number(127);
        writer.Number(128);
        writer.Number(ulong.MaxValue);
        writer.Index(-1);
        writer.Index(int.MaxValue);
        writer.Text("shard é 2");
        writer.Bits(new[] { true, false, false, true, false, false, false, false, true });
        var reader = new MessageReader(writer.ToArray());

        Assert.Equal(0UL, reader.Number());
        Assert.Equal(127UL, reader.Number());
        Assert.Equal(128UL, reader.Number());
        Assert.Equal(ulong.MaxValue, reader.Number());
        Assert.Equal(-1, reader.Index());
        Assert.Equal(int.MaxValue, reader.Index());
        Assert.Equal("shard é 2", reader.Text());
        Assert.Equal(new[] { true, false, false, true, false, false, false, false, true }, reader.Bits());
        Assert.True(reader.AtEnd);
        Assert.Throws<FormatException>(() => reader.Byte());
    }

    [Fact]
    public void A_host_created_after_the_run_began_drops_deliveries_and_answers_that_it_does_not_know_the_run()
    {
        var host = new ShardHost("run", 1);
        host.Deliver(new byte[] { 0, 0 });

        ShardResponse response = host.Handle(new[] { (byte)ShardRequestKind.Expand });

        Assert.Equal(new[] { (byte)ShardReplyStatus.UnknownRun }, response.Reply);
        Assert.Empty(response.Deliveries);
        Assert.False(host.IsOpen);
    }

    [Fact]
    public void A_host_asked_to_open_a_model_it_cannot_load_answers_with_the_reason()
    {
        var request = new MessageWriter();
        request.Byte((byte)ShardRequestKind.Open);
        request.Text("NoSuchModel+Adapter, NoSuchAssembly");
        request.Count(2);
        request.Long(100_000);
        request.Count(0);
        request.Bool(false);
        request.Bool(false);

        var reply = new MessageReader(new ShardHost("run", 0).Handle(request.ToArray()).Reply);

        Assert.Equal((byte)ShardReplyStatus.Failed, reply.Byte());
        Assert.Contains("'NoSuchModel+Adapter, NoSuchAssembly' is not loaded in the shard's process", reply.Text());
    }

    [Fact]
    public void A_hand_written_model_whose_states_are_not_bytes_is_refused_before_the_cluster_is_asked_anything()
    {
        var cluster = new UnusedCluster();

        // Thrown by the call itself, not by the task it would return.
        var refused = Assert.Throws<NotSupportedException>(() => { _ = Explorer.ExploreAsync(Toys.Counter(3), new ExplorationOptions { Cluster = cluster }); });

        Assert.Contains("cannot be explored on a cluster: its states are Int32 values", refused.Message);
        Assert.False(cluster.Asked);
    }

    private sealed class UnusedCluster : IExplorationCluster
    {
        public bool Asked { get; private set; }

        public Task<int> GetShardCountAsync(CancellationToken cancellation)
        {
            Asked = true;
            return Task.FromResult(1);
        }

        public Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation)
        {
            Asked = true;
            return Task.FromResult(Array.Empty<byte>());
        }
    }
}
