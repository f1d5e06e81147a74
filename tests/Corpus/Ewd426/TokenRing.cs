using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Ewd426;

/// <summary>
/// Dijkstra's self-stabilizing token ring (EWD426), N = 6 nodes, counters modulo M = 6.
/// Node 0 creates a token when its counter equals its predecessor's; every other node
/// copies its predecessor's counter when they differ. From any initial configuration the
/// ring converges to exactly one token and stays there.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class TokenRing
{
    const int N = 6;
    const int M = 6;

    readonly int[] c;

    // Init == c \in [Node -> 0..M-1]
    public TokenRing(
        [Range(0, M - 1)] int c0,
        [Range(0, M - 1)] int c1,
        [Range(0, M - 1)] int c2,
        [Range(0, M - 1)] int c3,
        [Range(0, M - 1)] int c4,
        [Range(0, M - 1)] int c5)
    {
        c = [c0, c1, c2, c3, c4, c5];
    }

    // Spec has WF_vars(Next): one fairness condition over the whole next-state relation.
    [Action(FairnessGroup = "Next")]
    void CreateToken()
    {
        Require(c[0] == c[N - 1]);
        c[0] = (c[N - 1] + 1) % M;
    }

    [Action(FairnessGroup = "Next")]
    void PassToken([Range(1, N - 1)] int i)
    {
        Require(c[i] != c[i - 1]);
        c[i] = c[i - 1];
    }

    [Invariant]
    bool TypeOK => c.Length == N && c.All(v => v is >= 0 and < M);

    // Either all counters equal c[0], or a prefix equals c[0] and the rest equal c[0] - 1 (mod M).
    bool UniqueToken => Enumerable.Range(0, N + 1).Any(i =>
        Enumerable.Range(0, i).All(j => c[j] == c[0]) &&
        Enumerable.Range(i, N - i).All(j => c[j] == Mod(c[0] - 1, M)));

    // Stab == <>[]UniqueToken. UniqueToken is closed under every step (Dijkstra's closure),
    // so eventually-always is the same as eventually here.
    [Eventually]
    bool Stab => UniqueToken;

    static int Mod(int a, int m) => ((a % m) + m) % m;
}
