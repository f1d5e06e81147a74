using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Disruptor;

/// <summary>
/// Single Producer, Multi Consumer Disruptor (Disruptor_SPMC.tla with Disruptor_SPMC.cfg):
/// the producer publishes its sequence number into a ring buffer, every consumer must read every value,
/// and slot accesses are tracked to detect data races.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class DisruptorSpmc
{
    public enum Pc { Advance, Access }

    const int MaxPublished = 10;
    const int Writers = 1;
    const int Readers = 3;
    const int Size = 4;

    // The ring buffer: slot contents (null = NULL) and who is currently reading / writing each slot.
    readonly int?[] slots = new int?[Size];
    readonly HashSet<int>[] slotReaders = [.. Enumerable.Range(0, Size).Select(_ => new HashSet<int>())];
    readonly HashSet<int>[] slotWriters = [.. Enumerable.Range(0, Size).Select(_ => new HashSet<int>())];

    int published = -1;                                         // write cursor
    readonly int[] read = [.. Enumerable.Repeat(-1, Readers)];  // read cursor per consumer
    readonly Pc[] writerPc = new Pc[Writers];
    readonly Pc[] readerPc = new Pc[Readers];
    readonly List<int?>[] consumed = [.. Enumerable.Range(0, Readers).Select(_ => new List<int?>())];

    static int IndexOf(int sequence) => ((sequence % Size) + Size) % Size;

    int MinReadSequence => read.Min();

    // ---- producer ----

    [Action(Fairness = Fairness.None)]
    void BeginWrite([Process][Range(0, Writers - 1)] int writer)
    {
        int next = published + 1;
        // Are we clear of all consumers? (Potentially a full cycle behind.)
        Require(MinReadSequence >= next - Size);
        Require(writerPc[writer] == Pc.Advance);
        writerPc[writer] = Pc.Access;
        int index = IndexOf(next);
        slotWriters[index].Add(writer);
        slots[index] = next;
    }

    [Action(Fairness = Fairness.None)]
    void EndWrite([Process][Range(0, Writers - 1)] int writer)
    {
        Require(writerPc[writer] == Pc.Access);
        int next = published + 1;
        writerPc[writer] = Pc.Advance;
        slotWriters[IndexOf(next)].Remove(writer);
        published = next;
    }

    // ---- consumers ----

    [Action]
    void BeginRead([Process][Range(0, Readers - 1)] int reader)
    {
        int next = read[reader] + 1;
        Require(published >= next);
        Require(readerPc[reader] == Pc.Advance);
        readerPc[reader] = Pc.Access;
        int index = IndexOf(next);
        slotReaders[index].Add(reader);
        consumed[reader].Add(slots[index]);
    }

    [Action]
    void EndRead([Process][Range(0, Readers - 1)] int reader)
    {
        Require(readerPc[reader] == Pc.Access);
        int next = read[reader] + 1;
        readerPc[reader] = Pc.Advance;
        slotReaders[IndexOf(next)].Remove(reader);
        read[reader] = next;
    }

    // ---- model bound ----

    [Constraint] bool StateConstraint => published < MaxPublished;

    // ---- invariants ----

    [Invariant]
    bool TypeOk =>
        slots.All(v => v is null or >= 0) &&
        slotReaders.All(s => s.All(r => r is >= 0 and < Readers)) &&
        slotWriters.All(s => s.All(w => w is >= 0 and < Writers)) &&
        consumed.All(seq => seq.All(v => v is >= 0));

    [Invariant]
    bool NoDataRaces => Enumerable.Range(0, Size).All(i =>
        (slotReaders[i].Count == 0 || slotWriters[i].Count == 0) && slotWriters[i].Count <= 1);

    // ---- liveness ----
    // TLA+: \A r, i : <>[](i \in 0..published => Len(consumed[r]) >= i + 1 /\ consumed[r][i + 1] = i).
    // Both sides are stable (published only grows, consumed is append-only), so this is "published i ~> r read i".

    [LeadsTo(nameof(HasConsumed))]
    bool IsPublished([Range(0, Readers - 1)] int reader, [Range(0, MaxPublished - 1)] int i) => published >= i;

    bool HasConsumed(int reader, int i) => consumed[reader].Count >= i + 1 && consumed[reader][i] == i;
}
