using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.GlowingRaccoon;

/// <summary>
/// PCR at a higher resolution: templates, hybrids and double strands by length (long, short,
/// tiny), and the product (tiny/tiny doubles). DNA = 5, PRIMER = 5. Checks that product only
/// appears from the third cycle on, that it refines stages.tla, and that primers run out.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class Product
{
    public enum Temperature { Hot, TooHot, Warm }
    public enum Stage { Init, Ready, Annealed, Extended, Denatured }

    const int Dna = 5;
    const int Primer = 5;

    Temperature tee = Temperature.Hot;
    Stage stage = Stage.Init;
    int cycle;
    int primer = Primer;
    // single-stranded templates
    int longTemplate;
    int shortTemplate;
    int tinyTemplate;
    // template-primer hybrids
    int longHybrid;
    int shortHybrid;
    int tinyHybrid;
    // double strands
    int longLongDouble = Dna;
    int shortLongDouble;
    int tinyShortDouble;
    int product;

    int Templates => longTemplate + shortTemplate + tinyTemplate;
    int Hybrids => longHybrid + shortHybrid + tinyHybrid;
    int Doubles => longLongDouble + shortLongDouble + tinyShortDouble + product;

    [Action]
    void Heat()
    {
        Require(tee == Temperature.Hot);
        Require(stage is Stage.Init or Stage.Extended);
        tee = Temperature.TooHot;
        primer += Hybrids;
        // templates absorb the denatured hybrids and doubles
        longTemplate += longHybrid + shortLongDouble + 2 * longLongDouble;
        shortTemplate += shortHybrid + shortLongDouble + tinyShortDouble;
        tinyTemplate += tinyHybrid + tinyShortDouble + 2 * product;
        (longLongDouble, shortLongDouble, tinyShortDouble, product) = (0, 0, 0, 0);
        (longHybrid, shortHybrid, tinyHybrid) = (0, 0, 0);
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

    // k primers anneal: longs + shorts + tinies = k templates of each length.
    [Action]
    void Anneal([Range(0, Primer)] int longs, [Range(0, Primer)] int shorts, [Range(0, Primer)] int tinies)
    {
        Require(tee == Temperature.Hot);
        Require(stage == Stage.Ready);
        int k = longs + shorts + tinies;
        Require(k >= 1 && k <= Math.Min(primer, Templates));
        Require(longs <= longTemplate && shorts <= shortTemplate && tinies <= tinyTemplate);
        tee = Temperature.Warm;
        primer -= k;
        longTemplate -= longs;
        longHybrid += longs;
        shortTemplate -= shorts;
        shortHybrid += shorts;
        tinyTemplate -= tinies;
        tinyHybrid += tinies;
        stage = Stage.Annealed;
    }

    [Action]
    void Extend()
    {
        Require(tee == Temperature.Warm);
        Require(stage == Stage.Annealed);
        tee = Temperature.Hot;
        shortLongDouble += longHybrid;
        tinyShortDouble += shortHybrid;
        product += tinyHybrid;
        (longHybrid, shortHybrid, tinyHybrid) = (0, 0, 0);
        stage = Stage.Extended;
        cycle++;
    }

    [Invariant]
    bool TypeOK =>
        Enum.IsDefined(tee) && Enum.IsDefined(stage)
        && new[]
        {
            cycle, primer, longTemplate, shortTemplate, tinyTemplate, longHybrid, shortHybrid, tinyHybrid,
            longLongDouble, shortLongDouble, tinyShortDouble, product,
        }.All(n => n >= 0);

    [Invariant]
    bool ThirdCycleProduct => cycle >= 3 || product == 0;

    // primerDepleted == <>(primer = 0)
    [Eventually]
    bool PrimerDepleted => primer == 0;

    // stagesSpec: under template = sum of templates, hybrid = sum of hybrids, dna = sum of doubles,
    // every step is a step of stages.tla's Next, or leaves the mapped variables unchanged.
    [StepInvariant]
    bool StagesSpec(Product before) => IsStagesStep(before.Abstract, Abstract);

    readonly record struct StagesView(
        Temperature Tee, int Primer, int Dna, int Template, int Hybrid, Stage Stage, int Cycle);

    StagesView Abstract => new(tee, primer, Doubles, Templates, Hybrids, stage, cycle);

    static bool IsStagesStep(StagesView s, StagesView t) =>
        s == t
        // heat
        || s.Tee == Temperature.Hot && t.Tee == Temperature.TooHot
           && t.Primer == s.Primer + s.Hybrid && t.Dna == 0
           && t.Template == s.Template + s.Hybrid + 2 * s.Dna && t.Hybrid == 0
           && s.Stage is Stage.Init or Stage.Extended && t.Stage == Stage.Denatured && t.Cycle == s.Cycle
        // cool
        || s.Tee == Temperature.TooHot && s.Stage == Stage.Denatured
           && t == s with { Tee = Temperature.Hot, Stage = Stage.Ready }
        // anneal: some k in 1..min(primer, template)
        || s.Tee == Temperature.Hot && t.Tee == Temperature.Warm && t.Cycle == s.Cycle && t.Dna == s.Dna
           && s.Primer - t.Primer is var k && k >= 1 && k <= Math.Min(s.Primer, s.Template)
           && t.Template == s.Template - k && t.Hybrid == s.Hybrid + k
           && s.Stage == Stage.Ready && t.Stage == Stage.Annealed
        // extend
        || s.Tee == Temperature.Warm && t.Tee == Temperature.Hot
           && t.Primer == s.Primer && t.Template == s.Template
           && t.Dna == s.Dna + s.Hybrid && t.Hybrid == 0
           && s.Stage == Stage.Annealed && t.Stage == Stage.Extended && t.Cycle == s.Cycle + 1;
}
