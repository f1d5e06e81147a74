using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.MissionariesAndCannibals;

public enum Bank { E, W }

public enum Person { M1, M2, M3, C1, C2, C3 }

/// <summary>
/// Missionaries and cannibals (MissionariesAndCannibals.tla / .cfg): three missionaries and three cannibals
/// cross a river in a boat holding at most two; on no bank may missionaries be outnumbered by cannibals.
/// The invariant Solution ("someone is still on the east bank") is violated by a solution to the puzzle.
/// </summary>
[StateMachine]
public partial class MissionariesAndCannibals
{
    static readonly HashSet<Person> Missionaries = [Person.M1, Person.M2, Person.M3];
    static readonly HashSet<Person> Cannibals = [Person.C1, Person.C2, Person.C3];

    Bank bankOfBoat = Bank.E;
    readonly Dictionary<Bank, HashSet<Person>> whoIsOnBank = new()
    {
        [Bank.E] = [.. Missionaries, .. Cannibals],
        [Bank.W] = [],
    };

    static bool IsSafe(IReadOnlySet<Person> people) =>
        people.IsSubsetOf(Cannibals) ||
        people.Count(Cannibals.Contains) <= people.Count(Missionaries.Contains);

    static Bank OtherBank(Bank b) => b == Bank.E ? Bank.W : Bank.E;

    /// <summary>Move the group {first, second} (one person when first == second) across with the boat.</summary>
    [Action]
    void Move(Person first, Person second)
    {
        Require(first <= second);
        HashSet<Person> group = [first, second];
        var here = bankOfBoat;
        var there = OtherBank(here);
        Require(group.IsSubsetOf(whoIsOnBank[here]));

        var newThisBank = whoIsOnBank[here].Except(group).ToHashSet();
        var newOtherBank = whoIsOnBank[there].Union(group).ToHashSet();
        Require(IsSafe(newThisBank) && IsSafe(newOtherBank));

        bankOfBoat = there;
        whoIsOnBank[here] = newThisBank;
        whoIsOnBank[there] = newOtherBank;
    }

    [Invariant]
    bool TypeOK => whoIsOnBank.Keys.Count == 2 && whoIsOnBank.Values.All(people => people.IsSubsetOf(Missionaries.Union(Cannibals)));

    // Violated exactly when everyone has reached the west bank: the error trace is the puzzle's solution.
    [Invariant]
    bool Solution => whoIsOnBank[Bank.E].Count != 0;
}
