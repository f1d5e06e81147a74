using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// DESIGN.md "Semantics tests": the compile-time front end and the generated explorer agree on every sample and
/// test model — same counts, same verdicts, same report text, trace by trace.
/// </summary>
public sealed class AgreementTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Models()
    {
        yield return new object[] { "MergeQueue.Samples.NaiveQueue", "naive" };
        yield return new object[] { "MergeQueue.Samples.CiFailuresQueue", "ci" };
        yield return new object[] { "MergeQueue.Samples.FixedQueue", "fixed" };
        yield return new object[] { "StuckQueue.OrderedQueue", "ordered" };
        foreach (var (name, _) in GeneratorTestModels.All)
        {
            yield return new object[] { name, name };
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Generated_explorer_agrees_with_the_analyzer(string typeName, string key)
    {
        string[] sources = Sources(key);
        var expected = Interpreted(typeName, sources);
        var actual = GeneratorRun.Explore(typeName, sources);

        Assert.True(expected.DistinctStates == actual.DistinctStates, actual.Report);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.Complete, actual.Complete);
        Assert.Equal(expected.Violations, actual.Violations);
        Assert.Equal(expected.BoundMessage, actual.BoundMessage);
        Assert.Equal(expected.NeverEnabled, actual.NeverEnabled);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
    }

    [Fact]
    public void Generated_explorer_agrees_on_the_fixed_queue_with_five_prs()
    {
        string[] sources = { SampleSource.Read(SampleSource.Pr), SampleSource.WithPrCount(SampleSource.Read(SampleSource.Fixed), 5) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var expected = Interpreted("MergeQueue.Samples.FixedQueue", sources);
        var interpreted = clock.Elapsed;
        clock.Restart();
        var actual = GeneratorRun.Explore("MergeQueue.Samples.FixedQueue", sources);
        output.WriteLine($"interpreted {interpreted.TotalMilliseconds:F0} ms, generated (with generation and load) {clock.Elapsed.TotalMilliseconds:F0} ms");

        // Levels of tens of thousands of states: two workers expand and merge them in parallel batches.
        var parallel = GeneratorRun.Explore("MergeQueue.Samples.FixedQueue", new ExplorationOptions { Workers = 2, FingerprintsOnly = true }, sources);

        // TLC: 187,272 distinct states (the PlusCal spec MQ5_Fixed).
        Assert.Equal(187_272, actual.DistinctStates);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.Violations, actual.Violations);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
        Assert.Equal(187_272, parallel.DistinctStates);
        Assert.Equal(expected.Transitions, parallel.Transitions);
        Assert.Equal(expected.Violations, parallel.Violations);
        Assert.StartsWith(expected.ReportWithoutTime, parallel.ReportWithoutTime);
    }

    // The generated adapter's fast paths: states in two words (fixed: a few bytes; Encoded: wide values past the
    // sixteenth byte), guards tested in one call, a table of fingerprints alone (safety only) or with numbers (the
    // ordered queue's [Eventually] needs the graph), one worker or a parallel merge.
    [Theory]
    [InlineData("MergeQueue.Samples.FixedQueue", "fixed", 1, true)]
    [InlineData("MergeQueue.Samples.FixedQueue", "fixed", 2, false)]
    [InlineData("MergeQueue.Samples.FixedQueue", "fixed", 2, true)]
    [InlineData("StuckQueue.OrderedQueue", "ordered", 2, true)]
    [InlineData("Encoded", "Encoded", 1, true)]
    [InlineData("Encoded", "Encoded", 2, false)]
    public void Workers_and_fingerprints_do_not_change_what_the_generated_explorer_finds(string typeName, string key, int workers, bool fingerprints)
    {
        string[] sources = Sources(key);
        var expected = Interpreted(typeName, sources);
        var actual = GeneratorRun.Explore(typeName, new ExplorationOptions { Workers = workers, FingerprintsOnly = fingerprints }, sources);

        Assert.Equal(fingerprints, actual.CollisionProbability is not null);
        Assert.Equal(expected.DistinctStates, actual.DistinctStates);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Depth, actual.Depth);
        Assert.Equal(expected.Violations, actual.Violations);

        // Fingerprint mode adds its collision probability at the end.
        Assert.StartsWith(expected.ReportWithoutTime, actual.ReportWithoutTime);
    }

    [Fact]
    public void Generated_explorer_agrees_on_a_bound()
    {
        string[] sources = Sources("fixed");
        var options = new ExplorationOptions { MaxStates = 100 };
        var model = ModelSources.Compile("MergeQueue.Samples.FixedQueue", sources).Model!;
        var expected = GeneratedResult.From(Explorer.Explore(model, options));
        var actual = GeneratorRun.Explore("MergeQueue.Samples.FixedQueue", options, sources);

        Assert.False(actual.Complete);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
    }

    [Fact]
    public void Both_explorers_show_what_changed_inside_a_long_list_and_print_the_same_trace()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            public enum Stage { Waiting, Running }

            public sealed record Job(int Id, Stage Stage);

            [StateMachine]
            public partial class Jobs
            {
                List<Job> queue = new List<Job>();
                int next = 1;

                [Action] void Submit() { Require(next <= 3); queue.Add(new Job(next, Stage.Waiting)); next++; }
                [Action] void Start([Range(0, 2)] int i) { Require(i < queue.Count && queue[i].Stage == Stage.Waiting); queue[i] = new Job(queue[i].Id, Stage.Running); }
                [Invariant] bool NotAllRunning() => queue.Count < 3 || queue.Any(j => j.Stage == Stage.Waiting);
            }
            """;
        var expected = Interpreted("Jobs", new[] { source });
        var actual = GeneratorRun.Explore("Jobs", new[] { source });

        Assert.Equal(expected.Violations, actual.Violations);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);

        // Six steps (three submits, three starts, in some order). Once the list prints past 60 characters, a step shows
        // the element it added or replaced, not the whole list.
        string trace = actual.Violations.Single(v => v.StartsWith("InvariantViolated", System.StringComparison.Ordinal));
        Assert.Contains(": queue[2]: added Job { Id = 3, Stage = Waiting }, next = 4", trace);
        Assert.Contains("(i: 2): queue[2] = Job { Id = 3, Stage = Running }", trace);
        Assert.DoesNotContain("Job { Id = 1, Stage = Waiting }, Job { Id = 2", trace.Split('\n').Last());
    }

    [Fact]
    public async System.Threading.Tasks.Task Both_explorers_and_the_analyzer_print_the_element_names_a_tuple_is_declared_with()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            [StateMachine]
            public partial class Ballots
            {
                (string From, string To, int Term) last = ("", "", 0);
                (string, int) plain = ("", 0);
                (string Voter, int) partly = ("", 0);
                List<(string From, string To, int Term)> sent = new List<(string From, string To, int Term)>();
                Dictionary<string, (int Term, bool Granted)> votes = new Dictionary<string, (int Term, bool Granted)>();

                [Action] void Vote([Values("alice", "carol")] string from, [Values("bob", "dave")] string to)
                {
                    Require(!votes.ContainsKey(from));
                    var ballot = (from, to, 1);
                    last = ballot;
                    sent.Add(ballot);
                    votes[from] = (1, to == "bob");
                    plain = (from, sent.Count);
                    partly = (to, sent.Count);
                }

                [Invariant] bool AtMostOneVoteForBob() => sent.Count(s => s.To == "bob") < 2;
            }
            """;
        var expected = Interpreted("Ballots", new[] { source });
        var actual = GeneratorRun.Explore("Ballots", new[] { source });
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new[] { source });

        Assert.Equal(expected.Violations, actual.Violations);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
        string trace = actual.Violations.Single(v => v.StartsWith("InvariantViolated: ", System.StringComparison.Ordinal));
        Assert.Equal(trace.Substring("InvariantViolated: ".Length), diagnostics.Single("SM0001").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // Names where the declaration gives them (a field, a list's elements, a dictionary's values), none where it does
        // not, whatever the stored value was written as (the ballot is an unnamed literal).
        Assert.Contains("\n0: initial state: last = (From: \"\", To: \"\", Term: 0), plain = (\"\", 0), partly = (Voter: \"\", 0), sent = [], votes = {}\n", trace);
        Assert.EndsWith(
            "\n2: Vote(from: \"carol\", to: \"bob\"): last = (From: \"carol\", To: \"bob\", Term: 1), plain = (\"carol\", 2), partly = (Voter: \"bob\", 2), "
            + "sent[1]: added (From: \"carol\", To: \"bob\", Term: 1), votes[\"carol\"] = (Term: 1, Granted: true)",
            trace);
    }

    // A tuple's element names are not part of its identity: a value stored through (int A, int B) and through (int, int)
    // is one value, so naming the elements changes neither equality nor the state count.
    [Theory]
    [InlineData("(int A, int B)", "(int X, int Y)")]
    [InlineData("(int, int)", "(int, int)")]
    public void Element_names_do_not_change_which_states_are_the_same(string named, string otherNames)
    {
        string source = """
            using System.Collections.Generic;
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            [StateMachine]
            public partial class Pairs
            {
                NAMED last = (0, 0);
                (int, int) plain = (0, 0);
                HashSet<(int, int)> seen = new HashSet<(int, int)>();
                HashSet<OTHER> seenNamed = new HashSet<OTHER>();

                [Action] void Pick([Range(0, 1)] int a, [Range(0, 1)] int b)
                {
                    last = (a, b);
                    plain = last;
                    seen.Add(last);
                    seenNamed.Add(plain);
                }

                [Invariant] bool Same() => last == plain && seenNamed.Contains(last) == seen.Contains(plain) && seen.Count == seenNamed.Count;
            }
            """.Replace("NAMED", named).Replace("OTHER", otherNames);
        var expected = Interpreted("Pairs", new[] { source });
        var actual = GeneratorRun.Explore("Pairs", new[] { source });

        // Counted by hand: the initial state, then for each non-empty set S of the four picks and each last pick in S one
        // state: 4 * 2^3 = 32, so 33.
        Assert.Empty(actual.Violations);
        Assert.Equal(33, expected.DistinctStates);
        Assert.Equal(33, actual.DistinctStates);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
    }

    // Names inside an element's type ((int A, int B), int) do not make another type either: the list holds the value
    // written as ((int, int), int), OfType under yet other names keeps every element, and the list prints the inner
    // names its declaration gives.
    [Fact]
    public void Element_names_inside_an_element_type_print_and_do_not_change_equality()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using MergeQueue.Analyzers;
            using static MergeQueue.Analyzers.Spec;

            [StateMachine]
            public partial class Nested
            {
                List<((int A, int B), int)> named = new List<((int A, int B), int)>();
                ((int, int), int) flat = ((0, 0), 0);

                [Action] void Pick([Range(0, 1)] int a)
                {
                    Require(named.Count < 2);
                    flat = ((a, a), a);
                    named.Add(((a, a), a));
                }

                [Invariant] bool Holds() => (named.Count == 0 || named.Contains(flat)) && named.OfType<((int, int) P, int)>().Count() == named.Count;
                [Invariant] bool Short() => named.Count < 2;
            }
            """;
        var expected = Interpreted("Nested", new[] { source });
        var actual = GeneratorRun.Explore("Nested", new[] { source });

        Assert.Equal(expected.ReportWithoutTime, actual.ReportWithoutTime);
        Assert.DoesNotContain(actual.Violations, v => v.Contains("'Holds'", System.StringComparison.Ordinal));
        string violation = Assert.Single(actual.Violations, v => v.StartsWith("InvariantViolated: Invariant 'Short' is violated after 2 steps", System.StringComparison.Ordinal));
        Assert.EndsWith("\n2: Pick(a: 0): named = [((A: 0, B: 0), 0), ((A: 0, B: 0), 0)]", violation);
    }

    internal static string[] Sources(string key) => key switch
    {
        "naive" => new[] { SampleSource.Read(SampleSource.Pr), SampleSource.Read(SampleSource.Naive) },
        "ci" => new[] { SampleSource.Read(SampleSource.Pr), SampleSource.Read(SampleSource.CiFailures) },
        "fixed" => new[] { SampleSource.Read(SampleSource.Pr), SampleSource.Read(SampleSource.Fixed) },
        "ordered" => new[] { SampleSource.Read(SampleSource.Ordered) },
        _ => new[] { GeneratorTestModels.All.Single(m => m.Name == key).Source },
    };

    private static GeneratedResult Interpreted(string typeName, string[] sources)
    {
        var compiled = ModelSources.Compile(typeName, sources);
        Assert.True(compiled.Model is not null, "The front end did not compile " + typeName + ":\n" + string.Join("\n", compiled.Diagnostics));
        return GeneratedResult.From(Explorer.Explore(compiled.Model!));
    }
}
