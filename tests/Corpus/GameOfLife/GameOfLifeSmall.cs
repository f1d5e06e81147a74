using System;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.GameOfLife;

/// <summary>
/// Conway's Game of Life on an N x N board with dead cells outside the board
/// (GameOfLife.tla, model GameOfLifeSmall.cfg: N = 3). Every board is an initial state;
/// each step computes the next generation of the whole board at once.
/// </summary>
[StateMachine]
public partial class GameOfLifeSmall
{
    const int N = 3;
    const int BoardCount = 1 << (N * N);

    readonly bool[,] grid = new bool[N, N];

    /// <param name="board">the initial board, one bit per cell (row-major)</param>
    public GameOfLifeSmall([Range(0, BoardCount - 1)] int board)
    {
        for (int x = 0; x < N; x++)
            for (int y = 0; y < N; y++)
                grid[x, y] = ((board >> (x * N + y)) & 1) == 1;
    }

    [Action]
    void Next()
    {
        var next = new bool[N, N];
        for (int x = 0; x < N; x++)
        {
            for (int y = 0; y < N; y++)
            {
                int score = Score(x, y);
                next[x, y] = grid[x, y] ? score is 2 or 3 : score == 3;
            }
        }

        for (int x = 0; x < N; x++)
            for (int y = 0; y < N; y++)
                grid[x, y] = next[x, y];
    }

    /// <summary>Number of live neighbours of cell (x, y); cells off the board are dead.</summary>
    int Score(int x, int y)
    {
        int live = 0;
        for (int dx = -1; dx <= 1; dx++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                if (dx == 0 && dy == 0) continue;
                int nx = x + dx, ny = y + dy;
                if (nx is >= 0 and < N && ny is >= 0 and < N && grid[nx, ny]) live++;
            }
        }
        return live;
    }

    [Invariant]
    bool TypeOK() => grid.GetLength(0) == N && grid.GetLength(1) == N;
}
