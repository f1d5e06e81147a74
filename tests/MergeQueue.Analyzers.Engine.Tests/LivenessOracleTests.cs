using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Engine.Tests.Models;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The liveness verdicts against the definition, on thousands of random small graphs. The oracle tries every set
/// of states S as "the states a behavior visits infinitely often": with all of S's internal state-changing steps
/// taken infinitely often (more steps only help fairness), such a behavior exists when S is strongly connected,
/// and is fair when each weak group is taken in S or disabled in some state of S, and each strong group is taken
/// in S or disabled in all of S. A single state where no fair group can change the state is a behavior that
/// stutters there forever. Exponential, so only for graphs of at most 7 states; it shares no code with the engine.
/// </summary>
public class LivenessOracleTests
{
    private const int Cases = 20000;

    [Fact]
    public void Verdicts_equal_the_definition_and_every_counterexample_is_a_fair_behavior_that_breaks_the_property()
    {
        var random = new Random(20250623);
        int violated = 0;
        for (int i = 0; i < Cases; i++)
        {
            var graph = RandomGraph.Create(random);
            ExplorationResult result = Explorer.Explore(graph.ToModel());
            Violation? violation = result.Violations.SingleOrDefault(v => v.Kind == ViolationKind.LivenessViolated);

            bool expected = graph.OracleViolated();
            Assert.True(expected == (violation is not null), "case " + i + ": expected " + (expected ? "violated" : "holds") + "\n" + graph);
            if (violation is not null)
            {
                violated++;
                string? problem = graph.CheckCounterexample(violation.Trace!);
                Assert.True(problem is null, "case " + i + ": " + problem + "\n" + graph + "\n" + violation.Message);
            }
        }

        // Both verdicts are well represented (the exact split is a property of the seed).
        Assert.InRange(violated, Cases / 5, Cases * 4 / 5);
    }

    [Fact]
    public void Fingerprint_mode_gives_the_verdicts_and_counterexamples_of_exact_mode_on_larger_graphs()
    {
        // Too large for the oracle, so exact mode is the reference: fingerprint mode finds its edges' targets again from
        // their keys, after dropping its table, and keeps them in a file, and must find the same counterexamples.
        var random = new Random(20250624);
        int violated = 0, cycles = 0;
        for (int i = 0; i < 1000; i++)
        {
            var graph = RandomGraph.Create(random, 2, 300);
            ToyModel<int> model = graph.ToModel();
            ExplorationResult exact = Explorer.Explore(model);
            ExplorationResult fingerprints = Explorer.Explore(
                new HashedModel<int>(model, x => (ulong)x * 0x9E3779B97F4A7C15UL), new ExplorationOptions { FingerprintsOnly = true });

            Assert.NotNull(fingerprints.CollisionProbability);
            Assert.True(
                exact.Violations.Select(v => v.Message).SequenceEqual(fingerprints.Violations.Select(v => v.Message)),
                "case " + i + ":\n" + graph + "\nexact:\n" + exact.Report + "\nfingerprints:\n" + fingerprints.Report);
            Violation? violation = exact.Violations.SingleOrDefault(v => v.Kind == ViolationKind.LivenessViolated);
            violated += violation is null ? 0 : 1;
            cycles += violation?.Trace!.LoopsBackTo is null ? 0 : 1;
        }

        // Both verdicts, and counterexamples of both shapes, are well represented (the split is a property of the seed).
        Assert.InRange(violated, 400, 900);
        Assert.InRange(cycles, 100, violated - 100);
    }

    /// <summary>States 0..n-1, actions with one or two instances, each instance a partial map from state to state.</summary>
    private sealed class RandomGraph
    {
        private int states;
        private readonly List<(string Name, ActionFairness Fairness, bool Process, int[][] Next)> actions = new();
        private PropertyKind kind;
        private bool[] p = Array.Empty<bool>();
        private bool[] q = Array.Empty<bool>();

        public static RandomGraph Create(Random random, int minStates = 2, int maxStates = 7)
        {
            var graph = new RandomGraph { states = random.Next(minStates, maxStates + 1) };
            int actionCount = random.Next(1, 4);
            for (int a = 0; a < actionCount; a++)
            {
                // Some actions are rarely enabled, some nearly always: the corners of weak fairness need both.
                int instances = random.Next(1, 3);
                int enabledPercent = new[] { 20, 50, 90 }[random.Next(3)];
                var next = new int[instances][];
                for (int i = 0; i < instances; i++)
                {
                    next[i] = Enumerable.Range(0, graph.states)
                        .Select(_ => random.Next(100) < enabledPercent ? random.Next(graph.states) : -1).ToArray();
                }

                var fairness = (ActionFairness)random.Next(3);
                graph.actions.Add(("A" + a, fairness, random.Next(2) == 0, next));
            }

            graph.kind = new[] { PropertyKind.Eventually, PropertyKind.AlwaysEventually, PropertyKind.LeadsTo }[random.Next(3)];
            graph.p = Enumerable.Range(0, graph.states).Select(_ => random.Next(3) == 0).ToArray();
            graph.q = Enumerable.Range(0, graph.states).Select(_ => random.Next(3) == 0).ToArray();
            return graph;
        }

        public ToyModel<int> ToModel()
        {
            var model = new ToyModel<int>("Random", 0).Field("x", x => x.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, fairness, process, next) in actions)
            {
                model.Action(
                    name,
                    "i",
                    Enumerable.Range(0, next.Length).ToArray(),
                    (x, i) => next[i][x] < 0 ? Outcome.Disabled<int>("no step", 1) : Outcome.To(next[i][x]),
                    fairness,
                    process);
            }

            model.Property(PropertyKind.Terminal, "Anywhere", _ => true);
            return kind == PropertyKind.LeadsTo
                ? model.LeadsTo("P", "Q", "k", new[] { 0 }, (x, _) => p[x], (x, _) => q[x])
                : model.Property(kind, "P", x => p[x]);
        }

        public bool OracleViolated()
        {
            bool[] reachable = Reach(new[] { 0 }, _ => true);
            bool[] goal = kind == PropertyKind.LeadsTo ? q : p;
            int[] triggers = Enumerable.Range(0, states).Where(s => reachable[s] && !goal[s]
                && (kind == PropertyKind.AlwaysEventually || (kind == PropertyKind.LeadsTo ? p[s] : s == 0))).ToArray();
            bool[] region = Reach(triggers, s => !goal[s]);
            for (int subset = 1; subset < 1 << states; subset++)
            {
                int[] members = Enumerable.Range(0, states).Where(s => (subset & (1 << s)) != 0).ToArray();
                if (members.All(s => region[s]) && (members.Length == 1 ? !AnyFairEnabled(members[0]) : IsFairCycle(subset, members)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Null when the trace is a fair behavior that breaks the property; otherwise what is wrong.</summary>
        public string? CheckCounterexample(Trace trace)
        {
            var path = new List<int>();
            foreach (TraceStep step in trace.Steps)
            {
                int x = step.Changes.Count == 0 ? path[path.Count - 1] : int.Parse(step.Changes[0].Value, CultureInfo.InvariantCulture);
                if (path.Count > 0 && !Groups(path[path.Count - 1], x).Any())
                {
                    return "no state-changing step " + path[path.Count - 1] + " -> " + x;
                }

                path.Add(x);
            }

            int last = path.Count - 1;
            int loopStart = trace.LoopsBackTo ?? last;
            if (trace.LoopsBackTo is int back && path[back] != path[last])
            {
                return "the cycle does not close";
            }

            var cycle = path.Skip(loopStart).Take(Math.Max(1, last - loopStart)).ToList();
            if (trace.StaysForever ? AnyFairEnabled(path[last]) : !CycleIsFair(path, loopStart, last))
            {
                return "the behavior is not fair";
            }

            bool[] goal = kind == PropertyKind.LeadsTo ? q : p;
            bool broken = kind switch
            {
                PropertyKind.Eventually => path.All(s => !goal[s]),
                PropertyKind.AlwaysEventually => cycle.All(s => !goal[s]),
                _ => Enumerable.Range(0, loopStart + 1).Any(j => p[path[j]] && path.Skip(j).All(s => !q[s])),
            };
            return broken ? null : "the property holds on it";
        }

        public override string ToString() =>
            kind + " P=" + Bits(p) + " Q=" + Bits(q) + "; "
            + string.Join("; ", actions.Select(a => a.Name + " " + a.Fairness + (a.Process ? " per process " : " ")
                + string.Join(" | ", a.Next.Select(n => string.Join(",", n)))));

        private static string Bits(bool[] bits) => string.Concat(bits.Select(b => b ? '1' : '0'));

        private bool IsFairCycle(int subset, int[] members)
        {
            bool Inside(int s) => (subset & (1 << s)) != 0;
            bool[] seen = Reach(new[] { members[0] }, Inside);
            bool[] seenBack = ReachBackwards(members[0], Inside);
            if (!members.All(s => seen[s] && seenBack[s]))
            {
                return false;
            }

            foreach (var (group, fairness) in FairGroups())
            {
                bool taken = members.Any(s => members.Any(t => t != s && Groups(s, t).Contains(group)));
                int enabled = members.Count(s => Enabled(s).Contains(group));
                if (!taken && (fairness == ActionFairness.Weak ? enabled == members.Length : enabled > 0))
                {
                    return false;
                }
            }

            return true;
        }

        private bool CycleIsFair(List<int> path, int start, int end)
        {
            var visited = path.Skip(start).Take(end - start).ToList();
            var taken = new HashSet<int>(Enumerable.Range(start, end - start).SelectMany(i => Groups(path[i], path[i + 1])));
            foreach (var (group, fairness) in FairGroups())
            {
                int enabled = visited.Count(s => Enabled(s).Contains(group));
                if (!taken.Contains(group) && (fairness == ActionFairness.Weak ? enabled == visited.Count : enabled > 0))
                {
                    return false;
                }
            }

            return end > start;
        }

        // Groups numbered as ToyModel numbers them: per action, or per instance for a process parameter.
        private IEnumerable<(int Group, ActionFairness Fairness)> FairGroups() =>
            Instances().Where(i => i.Fairness != ActionFairness.None).Select(i => (i.Group, i.Fairness)).Distinct();

        private IEnumerable<(int Group, ActionFairness Fairness, int[] Next)> Instances()
        {
            int group = 0;
            foreach (var (_, fairness, process, next) in actions)
            {
                for (int i = 0; i < next.Length; i++)
                {
                    yield return (process ? group + i : group, fairness, next[i]);
                }

                group += process ? next.Length : 1;
            }
        }

        private IEnumerable<int> Groups(int from, int to) =>
            from == to ? Enumerable.Empty<int>() : Instances().Where(i => i.Next[from] == to).Select(i => i.Group);

        private HashSet<int> Enabled(int state) =>
            new(Instances().Where(i => i.Next[state] >= 0 && i.Next[state] != state).Select(i => i.Group));

        private bool AnyFairEnabled(int state) => Instances().Any(i => i.Fairness != ActionFairness.None && i.Next[state] >= 0 && i.Next[state] != state);

        private bool[] Reach(int[] from, Func<int, bool> allowed)
        {
            var seen = new bool[states];
            var work = new Stack<int>(from);
            foreach (int s in from)
            {
                seen[s] = true;
            }

            while (work.Count > 0)
            {
                int s = work.Pop();
                foreach (var instance in Instances())
                {
                    int t = instance.Next[s];
                    if (t >= 0 && !seen[t] && allowed(t))
                    {
                        seen[t] = true;
                        work.Push(t);
                    }
                }
            }

            return seen;
        }

        private bool[] ReachBackwards(int to, Func<int, bool> allowed)
        {
            var seen = new bool[states];
            seen[to] = true;
            for (bool grew = true; grew;)
            {
                grew = false;
                for (int s = 0; s < states; s++)
                {
                    if (!seen[s] && allowed(s) && Instances().Any(i => i.Next[s] >= 0 && i.Next[s] != s && seen[i.Next[s]]))
                    {
                        seen[s] = grew = true;
                    }
                }
            }

            return seen;
        }
    }
}
