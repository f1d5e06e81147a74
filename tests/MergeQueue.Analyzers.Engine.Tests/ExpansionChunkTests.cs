using System.Collections.Generic;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// A worker's chunk keeps each successor state once: steps to a state the chunk already holds point at its candidate,
/// so the merge looks each state up once per chunk. Equal keys are told apart by the states, unless keys are all the
/// search keeps (fingerprint mode).
/// </summary>
public class ExpansionChunkTests
{
    // Enough distinct states to make the chunk's table of 1,024 slots grow several times.
    private const int StateCount = 5_000;

    [Fact]
    public void A_state_reached_again_in_the_chunk_is_one_candidate()
    {
        var chunk = Chunk(EqualityComparer<int>.Default);
        ExpansionCursor cursor = chunk.Begin();
        for (int state = 0; state < StateCount; state++)
        {
            chunk.AddCandidate(ref cursor, instance: 0, state, KeyOf(state));
        }

        for (int state = 0; state < StateCount; state++)
        {
            chunk.AddCandidate(ref cursor, instance: 1, state, KeyOf(state));
        }

        chunk.End(ref cursor);

        Assert.Equal(StateCount, chunk.CandidateCount);
        Assert.Equal(2 * StateCount, chunk.SuccessorCount);
        for (int state = 0; state < StateCount; state++)
        {
            Assert.Equal(~state, chunk.SuccessorTarget[StateCount + state]);
            Assert.Equal(1, chunk.SuccessorInstance[StateCount + state]);
        }
    }

    [Fact]
    public void States_with_equal_keys_stay_apart_when_states_are_compared()
    {
        var chunk = Chunk(EqualityComparer<int>.Default);
        ExpansionCursor cursor = chunk.Begin();
        chunk.AddCandidate(ref cursor, instance: 0, 1, key: 42);
        chunk.AddCandidate(ref cursor, instance: 0, 2, key: 42);
        chunk.AddCandidate(ref cursor, instance: 0, 2, key: 42);
        chunk.End(ref cursor);

        Assert.Equal(2, chunk.CandidateCount);
        Assert.Equal(new[] { ~0, ~1, ~1 }, chunk.SuccessorTarget[..3]);
    }

    [Fact]
    public void Equal_keys_are_one_state_in_fingerprint_mode()
    {
        var chunk = Chunk(sameState: null);
        ExpansionCursor cursor = chunk.Begin();
        chunk.AddCandidate(ref cursor, instance: 0, 1, key: 42);
        chunk.AddCandidate(ref cursor, instance: 0, 2, key: 42);
        chunk.End(ref cursor);

        Assert.Equal(1, chunk.CandidateCount);
        Assert.Equal(new[] { ~0, ~0 }, chunk.SuccessorTarget[..2]);
    }

    [Fact]
    public void A_reset_chunk_forgets_the_states_of_its_last_batch()
    {
        var chunk = Chunk(EqualityComparer<int>.Default);
        ExpansionCursor cursor = chunk.Begin();
        chunk.AddCandidate(ref cursor, instance: 0, 7, KeyOf(7));
        chunk.End(ref cursor);

        chunk.Reset(first: 10, size: 1);
        cursor = chunk.Begin();
        chunk.AddCandidate(ref cursor, instance: 0, 8, KeyOf(8));
        chunk.AddCandidate(ref cursor, instance: 0, 7, KeyOf(7));
        chunk.End(ref cursor);

        Assert.Equal(2, chunk.CandidateCount);
        Assert.Equal(7, chunk.CandidateState[1]);
    }

    [Fact]
    public void A_forgotten_state_of_an_abandoned_expansion_is_not_found_again()
    {
        var chunk = Chunk(sameState: null);
        ExpansionCursor cursor = chunk.Begin();
        chunk.AddCandidate(ref cursor, instance: 0, 1, KeyOf(1));
        chunk.EndState(ref cursor);
        chunk.AddCandidate(ref cursor, instance: 0, 2, KeyOf(2));
        chunk.AbandonState(ref cursor);
        chunk.AddCandidate(ref cursor, instance: 0, 3, KeyOf(3));
        chunk.AddCandidate(ref cursor, instance: 0, 2, KeyOf(2));
        chunk.End(ref cursor);

        Assert.Equal(3, chunk.CandidateCount);
        Assert.Equal(new[] { 1, 3, 2 }, chunk.CandidateState[..3]);
    }

    private static ExpansionChunk<int> Chunk(IEqualityComparer<int>? sameState)
    {
        var chunk = new ExpansionChunk<int>(actionCount: 1, instanceCount: 2, sameState);
        chunk.Reset(first: 0, size: 1);
        return chunk;
    }

    private static ulong KeyOf(int state) => FingerprintTable.Key((ulong)state);
}
