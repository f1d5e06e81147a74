using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.GlowingRaccoon;

/// <summary>
/// PCR with a stage (the previous step dictates the next one) and a cycle counter.
/// DNA = 5, PRIMER = 5. Checks that it refines the basic PCR model (clean.tla) and that the
/// primers are eventually depleted.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class Stages
{
    public enum Temperature { Hot, TooHot, Warm }
    public enum Stage { Init, Ready, Annealed, Extended, Denatured }

    const int Dna = 5;
    const int Primer = 5;

    Temperature tee = Temperature.Hot;
    int primer = Primer;
    int dna = Dna;
    int template;
    int hybrid;
    Stage stage = Stage.Init;
    int cycle;

    [Action]
    void Heat()
    {
        Require(tee == Temperature.Hot);
        Require(stage is Stage.Init or Stage.Extended);
        tee = Temperature.TooHot;
        primer += hybrid;
        template += hybrid + 2 * dna;
        dna = 0;
        hybrid = 0;
        stage = Stage.Denatured;
    }

    [Action]
    void Cool()
    {
        Require(tee == Temperature.TooHot);
        Require(stage == Stage.Denatured);
        tee = Temperature.Hot;
        stage = Stage.Ready;
    }

    [Action]
    void Anneal([Range(1, Primer)] int k)
    {
        Require(tee == Temperature.Hot);
        Require(stage == Stage.Ready);
        Require(k <= Math.Min(primer, template));
        tee = Temperature.Warm;
        primer -= k;
        template -= k;
        hybrid += k;
        stage = Stage.Annealed;
    }

    [Action]
    void Extend()
    {
        Require(tee == Temperature.Warm);
        Require(stage == Stage.Annealed);
        tee = Temperature.Hot;
        dna += hybrid;
        hybrid = 0;
        stage = Stage.Extended;
        cycle++;
    }

    [Invariant]
    bool TypeOK =>
        Enum.IsDefined(tee) && Enum.IsDefined(stage) &&
        primer >= 0 && dna >= 0 && template >= 0 && hybrid >= 0 && cycle >= 0;

    // primerDepleted == <>(primer = 0)
    [Eventually]
    bool PrimerDepleted => primer == 0;

    // cleanSpec: every step is a step of clean.tla's Next on (tee, primer, dna, template, hybrid),
    // or leaves those unchanged.
    [StepInvariant]
    bool CleanSpec(Stages before) => IsCleanStep(before.Clean, Clean);

    readonly record struct CleanView(Temperature Tee, int Primer, int Dna, int Template, int Hybrid);

    CleanView Clean => new(tee, primer, dna, template, hybrid);

    static bool IsCleanStep(CleanView s, CleanView t) =>
        s == t
        // heat
        || s.Tee == Temperature.Hot && t.Tee == Temperature.TooHot
           && t.Primer == s.Primer + s.Hybrid && t.Dna == 0
           && t.Template == s.Template + s.Hybrid + 2 * s.Dna && t.Hybrid == 0
        // cool
        || s.Tee == Temperature.TooHot && t == s with { Tee = Temperature.Hot }
        // anneal: some k in 1..min(primer, template)
        || s.Tee == Temperature.Hot && t.Tee == Temperature.Warm && t.Dna == s.Dna
           && s.Primer - t.Primer is var k && k >= 1 && k <= Math.Min(s.Primer, s.Template)
           && t.Template == s.Template - k && t.Hybrid == s.Hybrid + k
        // extend
        || s.Tee == Temperature.Warm && t.Tee == Temperature.Hot
           && t.Primer == s.Primer && t.Template == s.Template
           && t.Dna == s.Dna + s.Hybrid && t.Hybrid == 0;
}
