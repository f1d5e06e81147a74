using System;
using System.Collections.Generic;
using System.Text;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// The merge-queue family (PlusCal specs MQ1_Naive to MQ5_Fixed, checked with TLC), written by hand against the model contract as
/// samples/MergeQueue.Samples write it in C#: versions 1 (naive), 2–3 (CI failures), 4 (ordered) and 5 (fixed:
/// blocking also clears the stamp), with the same variables as the PlusCal specs MQ1_Naive to MQ5_Fixed, so TLC's distinct-state counts
/// and verdicts apply. The state packs, for N PRs, 3 bits of status per PR, then (versions 4–5) 3 bits of queuedAt
/// per PR and 4 bits of time (N &lt;= 6). Every action is weakly fair, one fairness group per action.
/// </summary>
/// <remarks>
/// TLC's specs have two weakly fair workers of each kind (queuers, CI workers, mergers), and a merger either
/// merges or blocks: <c>WF(queuer1) /\ WF(queuer2) /\ ... /\ WF(merger2)</c>, where <c>merger(self)</c> is
/// <c>Merge \/ Block</c>. Here each action is one weakly fair group. The two give the same fair behaviors:
/// every step moves one PR forward along pending, waiting, validated or failed, merged or blocked (and the clock
/// with it), so a behavior takes at most 3N steps and then stutters forever in some state s. Such a behavior is
/// weakly fair, under either grouping, exactly when no action changes s: a worker's action does not mention
/// <c>self</c>, so two workers of a kind are enabled in the same states as their one action, and
/// <c>Merge \/ Block</c> is enabled exactly where Merge or Block is. So the liveness verdicts are TLC's.
/// </remarks>
internal sealed class MergeQueueModel : IModel<long>, IStateHasher<long>
{
    private const int Enqueue = 0, RunCi = 1, Merge = 2, Block = 3;
    private const int MergedInOrderPredicate = 0, AllDonePredicate = 1, AllMergedPredicate = 2, AllValidatedPredicate = 3;

    // Line numbers of the Requires in the user contract's listing of the queue.
    private static readonly DisabledReason NotPending = Reason("pr[p] == Pr.Pending", 17);
    private static readonly DisabledReason NotWaiting = Reason("pr[p] == Pr.Waiting", 24);
    private static readonly DisabledReason NotMergeable = Reason("pr[p] == Pr.Validated && EarlierMerged(p)", 30);
    private static readonly DisabledReason NotValidated = Reason("pr[p] == Pr.Validated", 30);
    private static readonly DisabledReason NotFailed = Reason("pr[p] == Pr.Failed", 36);

    private readonly int prs;
    private readonly QueueVersion version;
    private readonly int[] kindOf;
    private readonly int[] prOf;
    private readonly bool[] passesOf;
    private readonly int[] predicateKinds;

    /// <summary>The ordered (version 4) or fixed (version 5) queue, checking that every PR is resolved.</summary>
    public MergeQueueModel(int prs, bool blockClearsStamp)
        : this(blockClearsStamp ? QueueVersion.Fixed : QueueVersion.Ordered, prs, QueueGoal.AllDone)
    {
    }

    /// <param name="version">Which version of the family.</param>
    /// <param name="prs">N, the number of PRs.</param>
    /// <param name="eventually">The <c>[Eventually]</c> property, or <see cref="QueueGoal.None"/> for safety only.</param>
    public MergeQueueModel(QueueVersion version, int prs, QueueGoal eventually)
    {
        if (prs is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(prs), "the packed state holds 1 to 6 PRs");
        }

        this.prs = prs;
        this.version = version;
        Name = version + "Queue";
        bool canFail = version != QueueVersion.Naive;
        FieldNames = HasClock ? new[] { "pr", "queuedAt", "time" } : new[] { "pr" };
        var actions = new List<ActionInfo>
        {
            new("Enqueue", ActionFairness.Weak, "action Enqueue"),
            new("RunCi", ActionFairness.Weak, "action RunCi"),
            new("Merge", ActionFairness.Weak, "action Merge"),
        };
        if (canFail)
        {
            actions.Add(new ActionInfo("Block", ActionFairness.Weak, "action Block"));
        }

        Actions = actions;
        var instances = new List<ActionInstance>();
        var kinds = new List<int>();
        var prList = new List<int>();
        var passesList = new List<bool>();
        for (int kind = Enqueue; kind < actions.Count; kind++)
        {
            for (int p = 0; p < prs; p++)
            {
                bool[] verdicts = kind == RunCi && canFail ? new[] { false, true } : new[] { kind == RunCi };
                foreach (bool passes in verdicts)
                {
                    string[] arguments = kind == RunCi && canFail
                        ? new[] { "p: " + p, "passes: " + (passes ? "true" : "false") }
                        : new[] { "p: " + p };
                    instances.Add(new ActionInstance(kind, arguments, kind));
                    kinds.Add(kind);
                    prList.Add(p);
                    passesList.Add(passes);
                }
            }
        }

        ActionInstances = instances;
        kindOf = kinds.ToArray();
        prOf = prList.ToArray();
        passesOf = passesList.ToArray();

        var predicates = new List<PredicateInstance>();
        var predicateKindList = new List<int>();
        var properties = new List<PropertyInstance>();
        void Add(PropertyKind kind, string name, int predicateKind)
        {
            predicates.Add(new PredicateInstance(name, Array.Empty<string>()));
            predicateKindList.Add(predicateKind);
            properties.Add(new PropertyInstance(kind, predicates.Count - 1, -1, "property " + name));
        }

        if (HasClock)
        {
            Add(PropertyKind.Invariant, "MergedInOrder", MergedInOrderPredicate);
        }

        if (canFail)
        {
            Add(PropertyKind.Terminal, "AllDone", AllDonePredicate);
        }
        else
        {
            Add(PropertyKind.Terminal, "AllMerged", AllMergedPredicate);
        }

        switch (eventually)
        {
            case QueueGoal.AllDone:
                Add(PropertyKind.Eventually, "EveryPrResolved", AllDonePredicate);
                break;
            case QueueGoal.AllMerged:
                Add(PropertyKind.Eventually, "EveryPrMerged", AllMergedPredicate);
                break;
            case QueueGoal.AllValidated:
                Add(PropertyKind.Eventually, "EveryPrValidated", AllValidatedPredicate);
                break;
        }

        Predicates = predicates;
        predicateKinds = predicateKindList.ToArray();
        Properties = properties;
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames { get; }

    public IReadOnlyList<ActionInfo> Actions { get; }

    public IReadOnlyList<ActionInstance> ActionInstances { get; }

    public IReadOnlyList<PredicateInstance> Predicates { get; }

    public IReadOnlyList<PropertyInstance> Properties { get; }

    public IEqualityComparer<long> StateComparer => PackedStateComparer.Instance;

    private bool HasClock => version is QueueVersion.Ordered or QueueVersion.Fixed;

    /// <summary>The packed state is its own 64-bit hash (the engine spreads it): fingerprints never collide here.</summary>
    public ulong Hash64(long state) => (ulong)state;

    public IReadOnlyList<InitialInstance> InitialInstances => InitialInstance.Parameterless;

    public bool CheckStuck => true;

    public StepOutcome<long> CreateInitialState(int initialInstance, StepBudget budget) => StepOutcome<long>.Enabled(HasClock ? WithTime(0, 1) : 0);

    public PredicateOutcome EvaluateStep(long before, long after, int predicate, StepBudget budget) =>
        throw new System.InvalidOperationException("The merge queue has no step invariant.");

    public StepOutcome<long> Step(long state, int actionInstance, StepBudget budget)
    {
        int p = prOf[actionInstance];
        Pr status = Status(state, p);
        switch (kindOf[actionInstance])
        {
            case Enqueue:
                if (status != Pr.Pending)
                {
                    return StepOutcome<long>.Disabled(NotPending);
                }

                if (!HasClock)
                {
                    return StepOutcome<long>.Enabled(WithStatus(state, p, Pr.Waiting));
                }

                int time = Time(state);
                return StepOutcome<long>.Enabled(WithTime(WithQueuedAt(WithStatus(state, p, Pr.Waiting), p, time), time + 1));
            case RunCi:
                return status != Pr.Waiting
                    ? StepOutcome<long>.Disabled(NotWaiting)
                    : StepOutcome<long>.Enabled(WithStatus(state, p, passesOf[actionInstance] ? Pr.Validated : Pr.Failed));
            case Merge:
                if (!HasClock)
                {
                    return status != Pr.Validated
                        ? StepOutcome<long>.Disabled(NotValidated)
                        : StepOutcome<long>.Enabled(WithStatus(state, p, Pr.Merged));
                }

                return status != Pr.Validated || !EarlierMerged(state, p)
                    ? StepOutcome<long>.Disabled(NotMergeable)
                    : StepOutcome<long>.Enabled(WithStatus(state, p, Pr.Merged));
            default:
                if (status != Pr.Failed)
                {
                    return StepOutcome<long>.Disabled(NotFailed);
                }

                long blocked = WithStatus(state, p, Pr.Blocked);
                return StepOutcome<long>.Enabled(version == QueueVersion.Fixed ? WithQueuedAt(blocked, p, 0) : blocked);
        }
    }

    public PredicateOutcome Evaluate(long state, int predicate, StepBudget budget) => PredicateOutcome.Of(predicateKinds[predicate] switch
    {
        MergedInOrderPredicate => MergedInOrder(state),
        AllDonePredicate => All(state, Pr.Merged, Pr.Blocked),
        AllMergedPredicate => All(state, Pr.Merged, Pr.Merged),
        _ => All(state, Pr.Validated, Pr.Validated),
    });

    public string FormatField(long state, int field)
    {
        if (field == 2)
        {
            return Time(state).ToString();
        }

        var text = new StringBuilder("[");
        for (int p = 0; p < prs; p++)
        {
            text.Append(p == 0 ? "" : ", ").Append(field == 0 ? Status(state, p).ToString() : QueuedAt(state, p).ToString());
        }

        return text.Append(']').ToString();
    }

    // Every PR stamped before p is merged (TLA+ PriorPRMerged).
    private bool EarlierMerged(long state, int p)
    {
        int stamp = QueuedAt(state, p);
        for (int q = 0; q < prs; q++)
        {
            int other = QueuedAt(state, q);
            if (other != 0 && other < stamp && Status(state, q) != Pr.Merged)
            {
                return false;
            }
        }

        return true;
    }

    private bool MergedInOrder(long state)
    {
        for (int p = 0; p < prs; p++)
        {
            if (Status(state, p) == Pr.Merged && !EarlierMerged(state, p))
            {
                return false;
            }
        }

        return true;
    }

    private bool All(long state, Pr one, Pr other)
    {
        for (int p = 0; p < prs; p++)
        {
            Pr status = Status(state, p);
            if (status != one && status != other)
            {
                return false;
            }
        }

        return true;
    }

    private static DisabledReason Reason(string guard, int line) =>
        new("Require(" + guard + ") is false (line " + line + ")", "line " + line);

    private Pr Status(long state, int p) => (Pr)((state >> (3 * p)) & 7);

    private int QueuedAt(long state, int p) => (int)((state >> (3 * (prs + p))) & 7);

    private int Time(long state) => (int)((state >> (6 * prs)) & 15);

    private long WithStatus(long state, int p, Pr status) => Set(state, 3 * p, 7, (int)status);

    private long WithQueuedAt(long state, int p, int stamp) => Set(state, 3 * (prs + p), 7, stamp);

    private long WithTime(long state, int time) => Set(state, 6 * prs, 15, time);

    private static long Set(long state, int shift, long mask, int value) => (state & ~(mask << shift)) | ((long)value << shift);
}
