using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.GlowingRaccoon;

/// <summary>
/// PCR (polymerase chain reaction), the basic picture: heat denatures DNA into templates,
/// cooling lets primers anneal to templates into hybrids, and extension turns hybrids into DNA.
/// Starting stock: DNA = 5 double strands, PRIMER = 5 primers.
/// </summary>
[StateMachine]
public partial class Clean
{
    public enum Temperature { Hot, TooHot, Warm }

    const int Dna = 5;
    const int Primer = 5;

    Temperature tee = Temperature.Hot;
    int primer = Primer;   // primers remaining
    int dna = Dna;         // double strands
    int template;          // single strands
    int hybrid;            // template-primer hybrids

    [Action]
    void Heat()
    {
        Require(tee == Temperature.Hot);
        tee = Temperature.TooHot;
        primer += hybrid;
        template += hybrid + 2 * dna;
        dna = 0;
        hybrid = 0;
    }

    [Action]
    void Cool()
    {
        Require(tee == Temperature.TooHot);
        tee = Temperature.Hot;
    }

    [Action]
    void Anneal([Range(1, Primer)] int k)
    {
        Require(tee == Temperature.Hot);
        Require(k <= Math.Min(primer, template));
        tee = Temperature.Warm;
        primer -= k;
        template -= k;
        hybrid += k;
    }

    [Action]
    void Extend()
    {
        Require(tee == Temperature.Warm);
        tee = Temperature.Hot;
        dna += hybrid;
        hybrid = 0;
    }

    int Strands => template + primer + 2 * (dna + hybrid);

    [Invariant]
    bool TypeOK => Enum.IsDefined(tee) && primer >= 0 && dna >= 0 && template >= 0 && hybrid >= 0;

    [Invariant]
    bool PrimerPositive => primer >= 0;

    [Invariant]
    bool PreservationInvariant => Strands == Primer + 2 * Dna;

    // preservationProperty == [][UNCHANGED (template + primer + 2*(dna + hybrid))]_vars
    [StepInvariant]
    bool PreservationProperty(Clean before) => Strands == before.Strands;
}
