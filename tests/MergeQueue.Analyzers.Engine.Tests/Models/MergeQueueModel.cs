using System;
using System.Collections.Generic;
using System.Text;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>
/// The merge queue of SPEC.md §1, written by hand against the model contract: versions 4 (ordered) and 5
/// (fixed: blocking also clears the stamp) of anchors/tla/MQ4_Ordered.tla and MQ5_Fixed.tla, with the same
/// variables, so TLC's distinct-state counts apply. The state packs, for N PRs, 3 bits of status per PR,
/// 3 bits of queuedAt per PR, then 4 bits of time (N &lt;= 6).
/// </summary>
internal sealed class MergeQueueModel : IModel<long>
{
    private const int Enqueue = 0, RunCi = 1, Merge = 2, Block = 3;

    // Line numbers of the Requires in SPEC.md §1's listing.
    private static readonly DisabledReason NotPending = Reason("pr[p] == Pr.Pending", 17);
    private static readonly DisabledReason NotWaiting = Reason("pr[p] == Pr.Waiting", 24);
    private static readonly DisabledReason NotMergeable = Reason("pr[p] == Pr.Validated && EarlierMerged(p)", 30);
    private static readonly DisabledReason NotFailed = Reason("pr[p] == Pr.Failed", 36);

    private readonly int prs;
    private readonly bool blockClearsStamp;
    private readonly int[] kindOf;
    private readonly int[] prOf;
    private readonly bool[] passesOf;

    public MergeQueueModel(int prs, bool blockClearsStamp)
    {
        if (prs is < 1 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(prs), "the packed state holds 1 to 6 PRs");
        }

        this.prs = prs;
        this.blockClearsStamp = blockClearsStamp;
        Name = blockClearsStamp ? "FixedQueue" : "OrderedQueue";
        Actions = new[]
        {
            new ActionInfo("Enqueue", ActionFairness.Weak, "action Enqueue"),
            new ActionInfo("RunCi", ActionFairness.Weak, "action RunCi"),
            new ActionInfo("Merge", ActionFairness.Weak, "action Merge"),
            new ActionInfo("Block", ActionFairness.Weak, "action Block"),
        };

        var instances = new List<ActionInstance>();
        var kinds = new List<int>();
        var prList = new List<int>();
        var passesList = new List<bool>();
        for (int kind = Enqueue; kind <= Block; kind++)
        {
            for (int p = 0; p < prs; p++)
            {
                foreach (bool passes in kind == RunCi ? new[] { false, true } : new[] { false })
                {
                    string[] arguments = kind == RunCi ? new[] { "p: " + p, "passes: " + (passes ? "true" : "false") } : new[] { "p: " + p };
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
    }

    public string Name { get; }

    public IReadOnlyList<string> FieldNames { get; } = new[] { "pr", "queuedAt", "time" };

    public IReadOnlyList<ActionInfo> Actions { get; }

    public IReadOnlyList<ActionInstance> ActionInstances { get; }

    public IReadOnlyList<PredicateInstance> Predicates { get; } = new[]
    {
        new PredicateInstance("MergedInOrder", Array.Empty<string>()),
        new PredicateInstance("AllDone", Array.Empty<string>()),
    };

    public IReadOnlyList<PropertyInstance> Properties { get; } = new[]
    {
        new PropertyInstance(PropertyKind.Invariant, 0, -1, "property MergedInOrder"),
        new PropertyInstance(PropertyKind.Terminal, 1, -1, "property AllDone"),
        new PropertyInstance(PropertyKind.Eventually, 1, -1, "property EveryPrResolved"),
    };

    public IEqualityComparer<long> StateComparer => PackedStateComparer.Instance;

    public StepOutcome<long> CreateInitialState(StepBudget budget) => StepOutcome<long>.Enabled(WithTime(0, 1));

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

                int time = Time(state);
                return StepOutcome<long>.Enabled(WithTime(WithQueuedAt(WithStatus(state, p, Pr.Waiting), p, time), time + 1));
            case RunCi:
                return status != Pr.Waiting
                    ? StepOutcome<long>.Disabled(NotWaiting)
                    : StepOutcome<long>.Enabled(WithStatus(state, p, passesOf[actionInstance] ? Pr.Validated : Pr.Failed));
            case Merge:
                return status != Pr.Validated || !EarlierMerged(state, p)
                    ? StepOutcome<long>.Disabled(NotMergeable)
                    : StepOutcome<long>.Enabled(WithStatus(state, p, Pr.Merged));
            default:
                if (status != Pr.Failed)
                {
                    return StepOutcome<long>.Disabled(NotFailed);
                }

                long blocked = WithStatus(state, p, Pr.Blocked);
                return StepOutcome<long>.Enabled(blockClearsStamp ? WithQueuedAt(blocked, p, 0) : blocked);
        }
    }

    public PredicateOutcome Evaluate(long state, int predicate, StepBudget budget) =>
        PredicateOutcome.Of(predicate == 0 ? MergedInOrder(state) : AllDone(state));

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

    private bool AllDone(long state)
    {
        for (int p = 0; p < prs; p++)
        {
            if (Status(state, p) is not (Pr.Merged or Pr.Blocked))
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
