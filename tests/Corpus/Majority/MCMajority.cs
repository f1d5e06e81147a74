using System;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Majority;

public enum Value { A, B, C }

/// <summary>
/// Boyer and Moore's majority vote algorithm (Majority.tla, model MCMajority.cfg): every
/// input sequence over {A, B, C} of length 0..Bound, with any initial candidate.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class MCMajority
{
    const int Bound = 5;

    readonly Value[] seq;   // input sequence, never changes
    int i;                  // next position of the sequence to be checked (0-based)
    Value cand;             // current candidate for having a majority
    int cnt;                // lower bound for the occurrences of cand so far

    public MCMajority(
        [Range(0, Bound)] int length,
        Value s1, Value s2, Value s3, Value s4, Value s5,
        Value cand)
    {
        seq = new[] { s1, s2, s3, s4, s5 }[..length];
        this.cand = cand;
    }

    [Action]
    void Next()
    {
        Require(i < seq.Length);
        if (cnt == 0)
        {
            cand = seq[i];
            cnt = 1;
        }
        else if (cand == seq[i])
        {
            cnt++;
        }
        else
        {
            cnt--;
        }
        i++;
    }

    /// <summary>Occurrences of v among the first <paramref name="count"/> elements.</summary>
    int OccurrencesBefore(Value v, int count) => seq.Take(count).Count(x => x == v);

    int Occurrences(Value v) => OccurrencesBefore(v, seq.Length);

    [Invariant]
    bool TypeOK => seq.Length <= Bound && i >= 0 && i <= seq.Length && cnt >= 0;

    /// <summary>Once the whole sequence is read, no value other than cand has an absolute majority.</summary>
    [Invariant]
    bool Correct =>
        i < seq.Length
        || Enum.GetValues<Value>().All(v => 2 * Occurrences(v) <= seq.Length || v == cand);

    [Invariant]
    bool Inv =>
        cnt <= OccurrencesBefore(cand, i)
        && 2 * (OccurrencesBefore(cand, i) - cnt) <= i - cnt
        && Enum.GetValues<Value>().Where(v => v != cand).All(v => 2 * OccurrencesBefore(v, i) <= i - cnt);
}
