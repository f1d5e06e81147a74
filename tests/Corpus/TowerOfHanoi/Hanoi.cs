using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.TowerOfHanoi;

/// <summary>
/// Towers of Hanoi (Hanoi.tla, model Hanoi.toolbox/Model_1: D = 5 disks, N = 3 towers). Each tower is a bit set
/// of the disks on it (disk k is the power of two 2^k, so the lowest set bit is the top disk).
/// The invariant NotSolved is violated by a solution: 2^D - 1 moves.
/// </summary>
[StateMachine]
public partial class Hanoi
{
    const int D = 5;
    const int N = 3;
    const int AllDisks = (1 << D) - 1;

    readonly int[] towers = [AllDisks, .. new int[N - 1]];   // every disk starts on the first tower

    static bool IsEmptyTower(int tower) => tower == 0;
    static bool IsOnTower(int tower, int disk) => (tower & disk) == disk;
    static bool IsSmallestDisk(int tower, int disk) => IsOnTower(tower, disk) && (tower & (disk - 1)) == 0;
    static bool CanMoveOff(int tower, int disk) => IsOnTower(tower, disk) && IsSmallestDisk(tower, disk);
    static bool CanMoveTo(int tower, int disk) => (tower & (disk - 1)) == 0 || IsEmptyTower(tower);

    [Action]
    void Move([Range(0, D - 1)] int diskIndex, [Range(0, N - 1)] int from, [Range(0, N - 1)] int to)
    {
        int disk = 1 << diskIndex;
        Require(from != to);
        Require(CanMoveOff(towers[from], disk) && CanMoveTo(towers[to], disk));
        towers[from] -= disk;
        towers[to] += disk;
    }

    [Invariant] bool NotSolved => towers[N - 1] != AllDisks;
}
