using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.NbacgGuer01;

/// <summary>
/// Non-blocking atomic commitment with failure detectors (Guerraoui 2001), counter abstraction,
/// N = 3 processes numbered 0..N-1 (TLA+ 1..N). Messages are counted, not stored; a crashed
/// process may or may not have sent its vote, so the faulty counters are upper bounds.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class NbacgGuer01
{
    public enum Status { Yes, No, Sent, Abort, Commit, Byz }

    const int N = 3;

    int nSntNo;    // NO messages sent by correct processes
    int nSntYes;   // YES messages sent by correct processes
    int nSntNoF;   // upper bound on NO messages sent by faulty processes
    int nSntYesF;  // upper bound on YES messages sent by faulty processes
    readonly int[] nRcvdYes = new int[N];
    readonly int[] nRcvdNo = new int[N];
    readonly bool[] someFail;
    readonly Status[] pc;

    // Init: pc \in [Proc -> {"NO", "YES"}], someFail \in [Proc -> BOOLEAN]
    public NbacgGuer01(
        [Values(Status.No, Status.Yes)] Status vote0,
        [Values(Status.No, Status.Yes)] Status vote1,
        [Values(Status.No, Status.Yes)] Status vote2,
        bool fail0, bool fail1, bool fail2)
    {
        pc = [vote0, vote1, vote2];
        someFail = [fail0, fail1, fail2];
    }

    [Action(Fairness = Fairness.None)]
    void Crash([Range(0, N - 1)] int i)
    {
        Require(pc[i] != Status.Byz);
        if (pc[i] == Status.Yes) nSntYesF++;
        if (pc[i] == Status.No) nSntNoF++;
        pc[i] = Status.Byz;
    }

    [Action(FairnessGroup = "Progress")]
    void ReceiveYes([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.Sent);
        Require(nRcvdYes[i] < nSntYes + nSntYesF);
        nRcvdYes[i]++;
    }

    [Action(FairnessGroup = "Progress")]
    void ReceiveNo([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.Sent);
        Require(nRcvdNo[i] < nSntNo + nSntNoF);
        nRcvdNo[i]++;
    }

    [Action(FairnessGroup = "Progress")]
    void SendYes([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.Yes && !someFail[i]);
        pc[i] = Status.Sent;
        nSntYes++;
    }

    [Action(FairnessGroup = "Progress")]
    void SendNo([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.No && !someFail[i]);
        pc[i] = Status.Sent;
        nSntNo++;
    }

    [Action(FairnessGroup = "Progress")]
    void AbortNoYes([Range(0, N - 1)] int i)
    {
        Require(someFail[i] && pc[i] is Status.Yes or Status.No);
        pc[i] = Status.Abort;
    }

    [Action(FairnessGroup = "Progress")]
    void AbortSent([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.Sent && nRcvdNo[i] > 0);
        pc[i] = Status.Abort;
    }

    [Action(FairnessGroup = "Progress")]
    void Commit([Range(0, N - 1)] int i)
    {
        Require(pc[i] == Status.Sent && nRcvdNo[i] == 0 && nRcvdYes[i] >= N);
        pc[i] = Status.Commit;
    }

    [Invariant]
    bool TypeOK =>
        new[] { nSntNo, nSntYes, nSntNoF, nSntYesF }.All(n => n is >= 0 and <= N)
        && nRcvdYes.All(n => n >= 0 && n <= nSntYes + nSntYesF)
        && nRcvdNo.All(n => n >= 0 && n <= nSntNo + nSntNoF)
        && pc.All(Enum.IsDefined)
        && someFail.Length == N;

    // AgrrLtl: no process commits while another aborts.
    [Invariant]
    bool Agreement => !(pc.Contains(Status.Commit) && pc.Contains(Status.Abort));

    // AbortValidityLtl: if some process voted NO, no process ever commits.
    // A NO vote is still visible as a NO status, a NO sent, or a NO-voter's crash.
    bool SomeoneVotedNo => pc.Contains(Status.No) || nSntNo > 0 || nSntNoF > 0;

    [Invariant]
    bool AbortValidity => !SomeoneVotedNo || !pc.Contains(Status.Commit);

    // CommitValidityLtl: if every process voted YES and nobody is suspected, nobody aborts.
    // someFail never changes, and without suspicion a NO-voter can only send NO or crash,
    // so "all voted YES" is exactly "no NO left and no NO sent or crashed".
    [Invariant]
    bool CommitValidity =>
        someFail.Any(f => f) || SomeoneVotedNo || pc.All(s => s == Status.Byz || s != Status.Abort);

    // TerminationLtl: [](no crash and no suspicion) => <>(everyone decided),
    // i.e. eventually someone crashed, someone is suspected, or everyone decided.
    [Eventually]
    bool Termination =>
        pc.Any(s => s == Status.Byz) || someFail.Any(f => f)
        || pc.All(s => s is Status.Commit or Status.Abort);
}
