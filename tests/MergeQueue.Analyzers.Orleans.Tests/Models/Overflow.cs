using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace MergeQueue.Analyzers.Orleans.Tests.Models;

/// <summary>
/// Two counters from 0 to 3 whose sum must stay under 5: broken first by x + y = 5, five steps from the start, so by
/// hand the shortest trace has 5 steps (6 states).
/// </summary>
[StateMachine]
public partial class Overflow
{
    int x;
    int y;

    [Action] void IncrementX()
    {
        Require(x < 3);
        x++;
    }

    [Action] void IncrementY()
    {
        Require(y < 3);
        y++;
    }

    [Invariant] bool SumUnderFive() => x + y < 5;

    [Terminal] bool Full() => x == 3 && y == 3;
}
