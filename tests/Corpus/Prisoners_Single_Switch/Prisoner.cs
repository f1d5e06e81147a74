using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Prisoners_Single_Switch;

/// <summary>
/// The single-switch prisoner puzzle (Prisoner.tla) with the model of Prisoner.cfg:
/// three prisoners, and the light is known to start off.
/// </summary>
[StateMachine]
public partial class Prisoner
{
    public enum Person { Alice, Bob, Eve }

    public enum Light { Off, On }

    const bool LightUnknown = false;

    static readonly Person[] Prisoners = Enum.GetValues<Person>();

    // CHOOSE p \in Prisoner : TRUE -- TLC takes the first one.
    static readonly Person DesignatedCounter = Prisoners[0];

    static readonly Person[] NormalPrisoners = Prisoners.Where(p => p != DesignatedCounter).ToArray();

    static int SignalLimit => LightUnknown ? 2 : 1;

    static int VictoryThreshold => LightUnknown ? Prisoners.Length * 2 - 1 : Prisoners.Length;

    // The counter's count starts at one: the counter has already counted themselves.
    int count = 1;
    bool announced;
    readonly Dictionary<Person, int> signalled = NormalPrisoners.ToDictionary(p => p, _ => 0);
    Light light;
    readonly HashSet<Person> hasVisited = [];

    public Prisoner(Light initialLight)
    {
        // With a known initial state the light starts off; otherwise it may be either.
        Require(LightUnknown || initialLight == Light.Off);
        light = initialLight;
    }

    /// <summary>The warden puts prisoner <paramref name="p"/> in the cell.</summary>
    [Action]
    void WardenAction([Process] Person p)
    {
        if (p == DesignatedCounter)
            CounterVisits();
        else
            NormalPrisonerVisits(p);

        hasVisited.Add(p);
    }

    void CounterVisits()
    {
        if (light == Light.On)
        {
            light = Light.Off;
            count++;
        }
        announced = count >= VictoryThreshold;
    }

    void NormalPrisonerVisits(Person p)
    {
        if (light == Light.Off && signalled[p] < SignalLimit)
        {
            light = Light.On;
            signalled[p]++;
        }
    }

    [Invariant]
    bool TypeOK() =>
        count >= 1 && count <= VictoryThreshold + 1
        && signalled.Keys.ToHashSet().SetEquals(NormalPrisoners)
        && signalled.Values.All(n => n is >= 0 and <= 2)
        && hasVisited.IsSubsetOf(Prisoners);

    /// <summary>Victory is never announced in error.</summary>
    [Invariant]
    bool VictoryOK() => !announced || hasVisited.SetEquals(Prisoners);

    /// <summary>Eventually the prisoners win.</summary>
    [Eventually]
    bool Terminating() => announced;
}
