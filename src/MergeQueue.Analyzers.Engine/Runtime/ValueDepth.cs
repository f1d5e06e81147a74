using System;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// The bound on how deep a value may nest (<c>record Node(int V, Node? Next)</c> built into a long chain), shared by
/// the checker's interpreter and the generated <c>Explore()</c>. Values are compared, hashed, copied and printed by
/// recursion; a stack overflow cannot be caught and kills the process, so a walk deeper than <see cref="MaxDepth"/>
/// throws <see cref="ValueTooDeepException"/> instead, which fails the step that made the value. The generated helpers
/// of a type that can hold itself call <see cref="Enter"/> and <see cref="Exit"/> around each level.
/// </summary>
public static class ValueDepth
{
    /// <summary>Far below what a 1 MB stack allows (overflows were measured from 20,000 levels).</summary>
    public const int MaxDepth = 1000;

    /// <summary>What a value past the bound is reported as (after "went past a limit of the checker: ").</summary>
    public static readonly string TooDeepMessage =
        "a value nested deeper than " + MaxDepth.ToString("N0", CultureInfo.InvariantCulture)
        + " levels (a chain of records holding records); the checker compares, hashes and prints values by recursion, "
        + "and deeper ones would overflow the compiler's stack";

    [ThreadStatic]
    private static int depth;

    /// <summary>One level deeper into a value; throws past <see cref="MaxDepth"/>. Pair with <see cref="Exit"/> in a <c>finally</c>.</summary>
    public static void Enter()
    {
        if (depth >= MaxDepth)
        {
            throw new ValueTooDeepException();
        }

        depth++;
    }

    /// <summary>Leaves the level <see cref="Enter"/> went into.</summary>
    public static void Exit() => depth--;
}
