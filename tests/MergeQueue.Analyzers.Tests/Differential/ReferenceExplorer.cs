using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// The plainest explicit-state checker of a <see cref="RandomModel"/> (SPEC §2, written from the text, not from the
/// engine): breadth-first from the initial state, actions in declaration order, the parameter 0 then 1; a state is
/// the int fields followed by the bool fields (as 0/1) in an int array, kept in a HashSet compared element-wise.
/// Every violation is the first found in that order, so its trace is a shortest one.
/// </summary>
internal static class ReferenceExplorer
{
    public static Outcome Explore(RandomModel model)
    {
        int ints = model.InitialInts.Count;
        var initial = model.InitialInts.Concat(model.InitialBools.Select(b => b ? 1 : 0)).ToArray();
        var seen = new HashSet<int[]>(new ArrayComparer()) { initial };
        var states = new List<int[]> { initial };
        var depths = new List<int> { 0 };
        long transitions = 0;
        int? invariantSteps = null, stuckSteps = null;
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var enabledSomewhere = new bool[model.Actions.Count];

        for (int s = 0; s < states.Count; s++)
        {
            var (stateInts, stateBools) = Split(states[s], ints);
            int depth = depths[s];
            if (invariantSteps is null && model.Invariant is { } invariant && !invariant.Eval(stateInts, stateBools, 0))
            {
                invariantSteps = depth;
            }

            bool anyEnabled = false;
            for (int a = 0; a < model.Actions.Count; a++)
            {
                var action = model.Actions[a];
                for (int p = 0; p < (action.HasParameter ? 2 : 1); p++)
                {
                    if (action.Guard is { } guard && !guard.Eval(stateInts, stateBools, p))
                    {
                        continue;
                    }

                    var nextInts = (int[])stateInts.Clone();
                    var nextBools = (bool[])stateBools.Clone();
                    foreach (var assignment in action.Assignments)
                    {
                        if (assignment.IntValue is { } value)
                        {
                            nextInts[assignment.Field] = value.Eval(nextInts, nextBools, p);
                        }
                        else
                        {
                            nextBools[assignment.Field] = assignment.BoolValue!.Eval(nextInts, nextBools, p);
                        }
                    }

                    if (action.Assertion is { } assertion && !assertion.Eval(nextInts, nextBools, p))
                    {
                        string name = RandomModel.ActionName(a);
                        if (!failures.ContainsKey(name))
                        {
                            string instance = name + (action.HasParameter ? "(p: " + p.ToString(CultureInfo.InvariantCulture) + ")" : "()");
                            failures[name] = $"'{instance}' after {depth + 1}";
                        }

                        continue;
                    }

                    anyEnabled = true;
                    enabledSomewhere[a] = true;
                    transitions++;
                    var next = nextInts.Concat(nextBools.Select(b => b ? 1 : 0)).ToArray();
                    if (seen.Add(next))
                    {
                        states.Add(next);
                        depths.Add(depth + 1);
                    }
                }
            }

            if (!anyEnabled && stuckSteps is null && !(model.Terminal is { } terminal && terminal.Eval(stateInts, stateBools, 0)))
            {
                stuckSteps = depth;
            }
        }

        return new Outcome(
            states.Count,
            transitions,
            depths.Max(),
            model.Invariant is null ? null : invariantSteps ?? -1,
            stuckSteps,
            failures,
            Enumerable.Range(0, model.Actions.Count).Where(a => !enabledSomewhere[a]).Select(RandomModel.ActionName).ToList());
    }

    private static (int[] Ints, bool[] Bools) Split(int[] state, int ints) =>
        (state.Take(ints).ToArray(), state.Skip(ints).Select(v => v != 0).ToArray());

    private sealed class ArrayComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x!.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var v in obj)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
