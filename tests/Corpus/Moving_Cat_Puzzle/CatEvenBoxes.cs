using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.Moving_Cat_Puzzle;

/// <summary>The direction in which our search is progressing.</summary>
public enum Direction { Left, Right }

/// <summary>
/// The moving cat puzzle (Cat.tla, model CatEvenBoxes: 6 boxes). A cat hides in one of N boxes on a line
/// and moves to an adjacent box every night; every morning we inspect one box. We sweep 2..N-1 and back,
/// looking at each end box twice, and eventually find her.
/// </summary>
[StateMachine]
public partial class CatEvenBoxes
{
    const int NumberOfBoxes = 6;

    /// <summary>The box the cat is currently hiding in (1..N).</summary>
    int catBox;

    /// <summary>The box that is observed (2..N-1).</summary>
    int observedBox;

    /// <summary>The direction in which our search is progressing.</summary>
    Direction direction;

    // Init: the cat is in an arbitrary box, and we start anywhere in the search pattern.
    public CatEvenBoxes(
        [Range(1, NumberOfBoxes)] int catBox,
        [Range(2, NumberOfBoxes - 1)] int observedBox,
        Direction direction)
    {
        this.catBox = catBox;
        this.observedBox = observedBox;
        this.direction = direction;
    }

    static bool IsBox(int box) => box is >= 1 and <= NumberOfBoxes;

    static bool IsObservedBox(int box) => box is >= 2 and <= NumberOfBoxes - 1;

    /// <summary>
    /// Next == Move_Cat /\ Observe_Box: the cat moves one box left or right (no wrap-around), and at the
    /// same time we look at the next box of the sweep, or turn around at the end of it.
    /// Every step moves the cat, so WF_cat_box(Move_Cat) is weak fairness of this action.
    /// </summary>
    [Action]
    void Night([Values(1, -1)] int move)
    {
        // Move_Cat
        int nextCatBox = catBox + move;
        Require(IsBox(nextCatBox));
        catBox = nextCatBox;

        // Observe_Box
        int nextBox = direction == Direction.Right ? observedBox + 1 : observedBox - 1;
        if (IsObservedBox(nextBox))
        {
            observedBox = nextBox;
        }
        else
        {
            direction = direction == Direction.Right ? Direction.Left : Direction.Right;
        }
    }

    [Invariant]
    bool TypeOK() =>
        IsBox(catBox)
        && IsObservedBox(observedBox)
        && direction is Direction.Left or Direction.Right;

    /// <summary>The game ends when the cat is in the observed box; the algorithm guarantees it will.</summary>
    [Eventually]
    bool Victory() => observedBox == catBox;
}
