namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// An action's guard as both back ends test it (<see cref="GuardReader"/> decides it): the first
/// <paramref name="Statements"/> statements of its body, local declarations and <c>Require</c>s ending with a
/// <c>Require</c>, all of which write nothing. It reads only the first <paramref name="ParameterPrefix"/> parameters,
/// so action instances that agree on those share one test per state.
/// </summary>
internal sealed record GuardShape(int Statements, int ParameterPrefix)
{
    /// <summary>
    /// Whether the instance with argument indexes <paramref name="combination"/> has the verdict of the one with
    /// <paramref name="previous"/> (the instance before it, or null): they agree on every parameter the guard reads.
    /// </summary>
    public bool Shares(int[]? previous, int[] combination)
    {
        if (previous is null)
        {
            return false;
        }

        for (int i = 0; i < ParameterPrefix; i++)
        {
            if (previous[i] != combination[i])
            {
                return false;
            }
        }

        return true;
    }
}
