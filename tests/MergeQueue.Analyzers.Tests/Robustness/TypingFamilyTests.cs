using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Analyzer;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// The IDE's view while a user types (tests/robustness.sh): small models edited at random places (characters deleted,
/// a line cut short, a token inserted). Code with compiler errors gets no checker diagnostic, and no generated code that adds errors to the user's;
/// code without gets a result that does not depend on what was analyzed before (never stale): the same diagnostics
/// from the exploration cache as from a fresh exploration, and the unedited model's diagnostics after every edit.
/// </summary>
public sealed class TypingFamilyTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens = { "(", ")", "{", "}", "=", ".", "[", "new ", "bool ", "Require(", ";", "\"", "#if X\n", "static ", "1", "!", "x", " + 1" };

    private static readonly string[] Models =
    {
        """
        [StateMachine]
        partial class Queue
        {
            int[] queuedAt = new int[2];
            int clock;
            [Action] void Enqueue([Range(0, 1)] int p) { Require(clock < 3); queuedAt[p] = clock; clock++; }
            [Action] void Reset() { Require(clock == 3); clock = 0; }
            [Invariant] bool Ordered() => queuedAt[0] <= 3;
            [Eventually] bool Started() => clock > 0;
        }
        """,
        """
        record Job(int Id, bool Done);

        [StateMachine]
        partial class Jobs
        {
            List<Job> jobs = new();
            HashSet<int> seen = new();
            [Action] void Add([Range(0, 2)] int id) { Require(!seen.Contains(id)); jobs.Add(new Job(id, false)); seen.Add(id); }
            [Action] void Finish([Range(0, 2)] int id) { int i = jobs.FindIndex(j => j.Id == id && !j.Done); Require(i >= 0); jobs[i] = jobs[i] with { Done = true }; }
            [Invariant] bool Few() => jobs.Count <= 3;
            [Terminal] bool AllDone => jobs.Count == 3 && jobs.All(j => j.Done);
        }
        """,
        """
        enum Light { Red, Green, Yellow }

        [StateMachine]
        partial class Crossing
        {
            Light light;
            int cars;
            [Action] void Next() { light = light switch { Light.Red => Light.Green, Light.Green => Light.Yellow, _ => Light.Red }; }
            [Action] void Arrive() { Require(cars < 2); cars++; }
            [Action] void Pass() { Require(light == Light.Green && cars > 0); cars--; }
            [Invariant] bool Bounded() => cars <= 2;
        }
        """,
    };

    private static readonly string[] Names = { "Queue", "Jobs", "Crossing" };

    // The defaults: a typing input is given no bound of its own.
    private const int CheckerSettingsTimeoutSeconds = 60;
    private const int CheckerSettingsMemoryMegabytes = 2048;

    private static readonly Dictionary<string, string> First = new() { ["MergeQueueMaxStates"] = "20000" };
    private static readonly Dictionary<string, string> Second = new() { ["MergeQueueMaxStates"] = "20001" };

    [RobustnessFact]
    public async Task Typing_family()
    {
        var random = new Random(14_006);
        int inputs = RobustnessFactAttribute.Inputs(0.8);
        var baselines = new List<string>();
        foreach (var model in Models)
        {
            baselines.Add(Text(await AnalyzerRun.DiagnosticsAsync(new[] { TestCompilation.Usings + model }, First)));
        }

        int withErrors = 0, checkedFresh = 0, stale = 0, noisy = 0, commentEdits = 0;
        var tally = new FamilyTally("typing", output);
        for (int input = 0; input < inputs; input++)
        {
            int which = random.Next(Models.Length);
            string edited = TestCompilation.Usings + Edit(Models[which], random);
            var meter = tally.Start(CheckerSettingsTimeoutSeconds, CheckerSettingsMemoryMegabytes);
            var compilation = TestCompilation.CreateUnchecked(edited).AddReferences(GeneratorRun.Engine);
            bool hasErrors = compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
            var diagnostics = await AnalyzerRun.DiagnosticsAsync(compilation, First);
            GeneratorRun.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            string outcome = "ok";
            string detail = string.Empty;
            if (hasErrors)
            {
                withErrors++;

                // The generator may still emit when the only errors in the class are missing members (its own code
                // may call Explore()), but what it emits must add no error of its own to the user's.
                var added = AddedErrors(compilation, generated);
                if (diagnostics.Length > 0 || added.Count > 0)
                {
                    noisy++;
                    outcome = added.Count > 0 ? "generated-error" : "unexpected";
                    detail = "noise: " + Text(diagnostics) + string.Concat(added.Take(3).Select(d => " +generated " + d));
                }
            }
            else
            {
                // Another key, so a fresh exploration: it must agree with whatever the first run took from the cache.
                checkedFresh++;
                var fresh = await AnalyzerRun.DiagnosticsAsync(compilation, Second);
                // A bound's message names the bound, which differs between the two runs on purpose.
                if (Text(fresh) != Text(diagnostics) && !diagnostics.Any(d => d.Id == "SM0005"))
                {
                    stale++;
                    outcome = "stale";
                    detail = "stale: " + Text(diagnostics) + " vs fresh " + Text(fresh);
                }
            }

            if (input % 25 == 0)
            {
                var again = await AnalyzerRun.DiagnosticsAsync(new[] { TestCompilation.Usings + Models[which] }, First);
                if (Text(again) != baselines[which])
                {
                    stale++;
                    outcome = "stale";
                    detail += " stale unedited model " + which + ": " + Text(again) + " vs " + baselines[which];
                }

                // A comment is no reason to explore again (it once cost 10-16 s a keystroke), nor to answer otherwise.
                commentEdits++;
                int explorations = ExplorationCache.ExplorationsOf(Names[which]);
                // Within a line: a line added above the actions would move them, and their places are in the answer.
                string commented = Models[which].Replace("[Action]", "/* note " + input + " */ [Action]");
                var withComment = await AnalyzerRun.DiagnosticsAsync(new[] { TestCompilation.Usings + commented }, First);
                if (ExplorationCache.ExplorationsOf(Names[which]) != explorations || Text(withComment) != baselines[which])
                {
                    outcome = "unexpected";
                    detail += " a comment explored model " + which + " again or changed its answer: " + Text(withComment);
                }
            }

            tally.Finish(meter, outcome, () => detail + "\n" + edited);
        }

        tally.Report(withErrors + " with compiler errors (" + noisy + " got checker diagnostics or generated code), "
            + checkedFresh + " without (" + stale + " stale results), " + commentEdits + " comment-only edits");
    }

    /// <summary>Errors of the compilation with the generated code that the user's code alone does not have (by id and message).</summary>
    private static List<Diagnostic> AddedErrors(Compilation before, Compilation after)
    {
        var known = before.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToHashSet();
        return after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !known.Contains(d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))).ToList();
    }

    private static string Edit(string model, Random random)
    {
        int start = model.IndexOf('{') + 1;
        int at = random.Next(start, model.Length - 1);
        switch (random.Next(3))
        {
            case 0:
                return model.Remove(at, Math.Min(random.Next(1, 16), model.Length - at));
            case 1:
                int end = model.IndexOf('\n', at);
                return end < 0 ? model.Substring(0, at) : model.Remove(at, end - at);
            default:
                return model.Insert(at, Tokens[random.Next(Tokens.Length)]);
        }
    }

    // What the user sees: ids, places and messages; the statistics carry the time taken, which varies.
    private static string Text(IEnumerable<Diagnostic> diagnostics) => string.Join(
        " | ",
        diagnostics.Where(d => d.Id != "SM0010").Select(d => d.Id + "@" + d.Location.SourceSpan + ": " + d.GetMessage(CultureInfo.InvariantCulture)));
}
