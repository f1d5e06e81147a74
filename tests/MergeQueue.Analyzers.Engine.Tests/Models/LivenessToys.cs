using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.Engine.Tests.Models;

/// <summary>Small models for the corners of fairness and of the liveness properties; each graph is drawn in its comment.</summary>
internal static class LivenessToys
{
    /// <summary>
    /// A pedestrian crossing: <c>Toggle</c> flips the light, <c>Cross</c> needs it green. <c>[Eventually] Crossed</c>.
    /// (false, false) ⇄ (true, false) → (true, true) ⇄ (false, true). Cross is enabled every other state.
    /// </summary>
    public static ToyModel<(bool Green, bool Crossed)> Crossing(ActionFairness crossFairness) =>
        new ToyModel<(bool Green, bool Crossed)>("Crossing", (false, false))
            .Field("green", s => Bool(s.Green))
            .Field("crossed", s => Bool(s.Crossed))
            .Action("Toggle", s => Outcome.To((!s.Green, s.Crossed)))
            .Action("Cross", s => Outcome.Require(s.Green && !s.Crossed, "green && !crossed", 9, (s.Green, true)), crossFairness)
            .Property(PropertyKind.Eventually, "Crossed", s => s.Crossed);

    /// <summary>
    /// <c>Step([Process] self)</c> or <c>Step(self)</c>: process 0 ticks forever (tick 0 ⇄ 1), process 1 finishes once.
    /// <c>[Eventually] Finished</c>. Four states: (tick, finished).
    /// </summary>
    public static ToyModel<(int Tick, bool Finished)> Workers(bool perProcess) =>
        new ToyModel<(int Tick, bool Finished)>("Workers", (0, false))
            .Field("tick", s => s.Tick.ToString())
            .Field("finished", s => Bool(s.Finished))
            .Action(
                "Step",
                "self",
                new[] { 0, 1 },
                (s, self) => self == 0
                    ? Outcome.To((1 - s.Tick, s.Finished))
                    : Outcome.Require(!s.Finished, "!finished", 7, (s.Tick, true)),
                process: perProcess)
            .Property(PropertyKind.Eventually, "Finished", s => s.Finished);

    /// <summary>
    /// 0 -Left-> 1 ⇄ 2 (Swing) and 0 -Right-> 3 ⇄ 4 (Swing): a choice, then one of two loops forever.
    /// </summary>
    public static ToyModel<int> TwoLoops() =>
        new ToyModel<int>("TwoLoops", 0)
            .Field("x", x => x.ToString())
            .Action("Left", x => Outcome.Require(x == 0, "x == 0", 3, 1))
            .Action("Right", x => Outcome.Require(x == 0, "x == 0", 7, 3))
            .Action("Swing", x => Outcome.Require(x != 0, "x != 0", 11, x switch { 1 => 2, 2 => 1, 3 => 4, _ => 3 }));

    /// <summary>
    /// A lossy channel for messages 0 and 1: <c>Send(m)</c>, <c>Deliver(m)</c>, and <c>Drop</c>, which loses message 1
    /// while it is in flight (then it is never delivered). <c>[LeadsTo(nameof(Delivered))] bool Sent(int m)</c>,
    /// <c>[Terminal] AllSent</c>. State: the sets of sent and delivered messages as bit masks, and the drop.
    /// </summary>
    public static ToyModel<(int Sent, int Delivered, bool Dropped)> LossyChannel() =>
        new ToyModel<(int Sent, int Delivered, bool Dropped)>("LossyChannel", (0, 0, false))
            .Field("sent", s => Set(s.Sent))
            .Field("delivered", s => Set(s.Delivered))
            .Field("dropped", s => Bool(s.Dropped))
            .Action("Send", "m", new[] { 0, 1 }, (s, m) =>
                Outcome.Require(!Has(s.Sent, m), "!sent.Contains(m)", 8, (s.Sent | (1 << m), s.Delivered, s.Dropped)))
            .Action("Deliver", "m", new[] { 0, 1 }, (s, m) =>
                Outcome.Require(
                    Has(s.Sent, m) && !Has(s.Delivered, m) && !(m == 1 && s.Dropped),
                    "sent.Contains(m) && !delivered.Contains(m) && !(m == 1 && dropped)",
                    14,
                    (s.Sent, s.Delivered | (1 << m), s.Dropped)))
            .Action("Drop", s =>
                Outcome.Require(Has(s.Sent, 1) && !Has(s.Delivered, 1) && !s.Dropped, "in flight", 20, (s.Sent, s.Delivered, true)))
            .Property(PropertyKind.Terminal, "AllSent", s => s.Sent == 3)
            .LeadsTo("Sent", "Delivered", "m", new[] { 0, 1 }, (s, m) => Has(s.Sent, m), (s, m) => Has(s.Delivered, m));

    /// <summary>
    /// A ring 0 → 1 → 2 → 0 (<c>Next</c>), an optional way back 1 → 0 (<c>Back</c>), and <c>Escape</c> from 2 to the
    /// goal 9, where nothing is enabled. <c>[Eventually] Escaped</c>, <c>[Terminal] Escaped</c>.
    /// </summary>
    public static ToyModel<int> Escape(ActionFairness escapeFairness, bool withBack)
    {
        var model = new ToyModel<int>("Escape", 0)
            .Field("x", x => x.ToString())
            .Action("Next", x => Outcome.Require(x < 3, "x < 3", 3, (x + 1) % 3));
        if (withBack)
        {
            model.Action("Back", x => Outcome.Require(x == 1, "x == 1", 7, 0));
        }

        return model
            .Action("Escape", x => Outcome.Require(x == 2, "x == 2", 11, 9), escapeFairness)
            .Property(PropertyKind.Eventually, "Escaped", x => x == 9)
            .Property(PropertyKind.Terminal, "Done", x => x == 9);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static bool Has(int set, int element) => (set & (1 << element)) != 0;

    private static string Set(int set) => set switch { 0 => "{}", 1 => "{0}", 2 => "{1}", _ => "{0, 1}" };
}
