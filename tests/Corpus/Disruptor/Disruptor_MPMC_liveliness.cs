using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Disruptor;

/// <summary>
/// Multi Producer, Multi Consumer Disruptor (Disruptor_MPMC.tla with Disruptor_MPMC_liveliness.cfg: 2 writers, 2 readers,
/// with the Liveliness property). Producers claim sequence numbers from a shared counter, write them into the ring buffer and
/// publish them by flipping the slot's even/odd round flag.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class DisruptorMpmcLiveliness
{
    public enum Pc { Advance, Access }

    const int MaxPublished = 10;
    const int Writers = 2;
    const int Readers = 2;
    const int Size = 4;

    // The ring buffer: slot contents (null = NULL) and who is currently reading / writing each slot.
    readonly int?[] slots = new int?[Size];
    readonly HashSet<int>[] slotReaders = [.. Enumerable.Range(0, Size).Select(_ => new HashSet<int>())];
    readonly HashSet<int>[] slotWriters = [.. Enumerable.Range(0, Size).Select(_ => new HashSet<int>())];

    int nextSequence;                                                   // shared claim counter
    readonly int[] claimedSequence = [.. Enumerable.Repeat(-1, Writers)];
    readonly bool[] published = new bool[Size];                         // round parity of the last publish per slot
    readonly int[] read = [.. Enumerable.Repeat(-1, Readers)];
    readonly Pc[] writerPc = new Pc[Writers];
    readonly Pc[] readerPc = new Pc[Readers];
    readonly List<int?>[] consumed = [.. Enumerable.Range(0, Readers).Select(_ => new List<int?>())];

    // TLA+ % and \div are floored (the result of % is in 0..Size-1 even for negative sequences).
    static int IndexOf(int sequence) => ((sequence % Size) + Size) % Size;
    static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);

    int MinReadSequence => read.Min();
    int MinClaimedSequence => claimedSequence.Min();

    bool IsPublished(int sequence)
    {
        int round = FloorDiv(sequence, Size);
        bool isEven = ((round % 2) + 2) % 2 == 0;
        return published[IndexOf(sequence)] == isEven;
    }

    // The highest published sequence that can be read: TLA+ CHOOSEs from the candidate set, which TLC
    // enumerates in ascending order, so this is the smallest candidate satisfying the predicate.
    int AvailablePublishedSequence
    {
        get
        {
            int guaranteedPublished = MinClaimedSequence - 1;
            return claimedSequence.Append(guaranteedPublished).Distinct().Order().First(max =>
                !IsPublished(max) ||
                !claimedSequence.Any(c => c == max + 1 && IsPublished(c)));
        }
    }

    void Publish(int sequence) => published[IndexOf(sequence)] = !published[IndexOf(sequence)];

    // ---- producers ----

    [Action(Fairness = Fairness.None)]
    void BeginWrite([Process][Range(0, Writers - 1)] int writer)
    {
        int seq = nextSequence;
        // Are we clear of all consumers? (Potentially a full cycle behind.)
        Require(MinReadSequence >= seq - Size);
        Require(writerPc[writer] == Pc.Advance);
        claimedSequence[writer] = seq;
        nextSequence = seq + 1;
        writerPc[writer] = Pc.Access;
        int index = IndexOf(seq);
        slotWriters[index].Add(writer);
        slots[index] = seq;
    }

    [Action(Fairness = Fairness.None)]
    void EndWrite([Process][Range(0, Writers - 1)] int writer)
    {
        Require(writerPc[writer] == Pc.Access);
        int seq = claimedSequence[writer];
        writerPc[writer] = Pc.Advance;
        slotWriters[IndexOf(seq)].Remove(writer);
        Publish(seq);
    }

    // ---- consumers ----

    [Action]
    void BeginRead([Process][Range(0, Readers - 1)] int reader)
    {
        int next = read[reader] + 1;
        Require(IsPublished(next));
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

    [Constraint] bool StateConstraint => nextSequence <= MaxPublished;

    // ---- invariants ----

    [Invariant]
    bool NoDataRaces => Enumerable.Range(0, Size).All(i =>
        (slotReaders[i].Count == 0 || slotWriters[i].Count == 0) && slotWriters[i].Count <= 1);

    [Invariant]
    bool TypeOk =>
        nextSequence >= 0 &&
        slots.All(v => v is null or >= 0) &&
        slotReaders.All(s => s.All(r => r is >= 0 and < Readers)) &&
        slotWriters.All(s => s.All(w => w is >= 0 and < Writers)) &&
        consumed.All(seq => seq.All(v => v is >= 0));

    // ---- liveness ----
    // TLA+: \A r, i : <>[](i \in 0..AvailablePublishedSequence => Len(consumed[r]) >= i + 1 /\ consumed[r][i + 1] = i).
    // Written as "available i ~> r has read i" (both sides only ever become true and stay true).

    [LeadsTo(nameof(HasConsumed))]
    bool IsAvailable([Range(0, Readers - 1)] int reader, [Range(0, MaxPublished - 1)] int i) =>
        i <= AvailablePublishedSequence;

    bool HasConsumed(int reader, int i) => consumed[reader].Count >= i + 1 && consumed[reader][i] == i;
}
