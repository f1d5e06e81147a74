using System;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>Every sentence conformance testing and trace validation write, in one place. Invariant culture throughout.</summary>
internal static class ConformanceText
{
    internal static string Refused(string step, string exception) => "the implementation refused " + step + ": " + exception;

    internal static string Mismatch(string modelState) => "the implementation does not match the model's state here: " + modelState;

    internal static string MatchesThrew(string exception) => "Matches threw here: " + exception;

    internal static string Accepted(int number, string step, string reason) =>
        "then " + step + " (it would be step " + number.ToString(CultureInfo.InvariantCulture) + "): the implementation took it, but the model refuses it here: " + reason;

    internal static string NoInitialMatch(string initialStates) =>
        "a new implementation matches none of the model's initial states (" + initialStates + ")";

    internal static string ImplementationHolds(string implementation) => "the implementation: " + implementation;

    internal static string Report(
        string model,
        Divergence? divergence,
        Trace? trace,
        long states,
        long transitions,
        long covered,
        long steps,
        bool complete,
        ExplorationBound stoppedBy,
        TimeSpan elapsed)
    {
        string statistics = "'" + model + "': " + ReportText.Count(covered) + " of " + ReportText.Count(transitions) + " transitions driven ("
            + ReportText.Count(states) + " states), " + ReportText.Count(steps) + " driver steps, "
            + ((long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        if (divergence is null)
        {
            string verdict = complete
                ? "'" + model + "': the implementation conforms to the model on every transition"
                : "'" + model + "': no divergence found, but not every transition was driven"
                    + (stoppedBy == ExplorationBound.None ? string.Empty : " (the exploration stopped: " + stoppedBy + ")");
            return verdict + "\n" + statistics;
        }

        return Summary(model, divergence, trace!) + "\n" + trace!.Format() + "\n" + statistics;
    }

    private static string Summary(string model, Divergence divergence, Trace trace)
    {
        string step = divergence.Steps == 0 ? "in the initial state" : "at step " + ReportText.Count(divergence.Steps);
        string what = divergence.Kind switch
        {
            DivergenceKind.Refused => "the implementation refused a step the model takes",
            DivergenceKind.Mismatch => "the implementation's state does not match the model's",
            DivergenceKind.MatchesThrew => "Matches threw",
            DivergenceKind.Accepted => "the implementation took a step the model refuses",
            _ => "a new implementation matches no initial state",
        };
        return "'" + model + "': the implementation diverges from the model " + step + ": " + what;
    }
}
