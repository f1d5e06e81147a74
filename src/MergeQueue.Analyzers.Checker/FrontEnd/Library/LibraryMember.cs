namespace MergeQueue.Analyzers.FrontEnd.Library;

/// <summary>
/// One library member the checker understands. <see cref="Parameters"/> is the argument list as a C# user writes
/// it after the receiver (the source of an extension method is the receiver); a trailing <c>?</c> marks an optional
/// argument and <c>...</c> any number more, which gives the arities the member accepts.
/// </summary>
/// <param name="Container">The metadata name of the declaring type (<c>System.Collections.Generic.List`1</c>), or <see cref="LibraryMembers.AnyType"/>.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Parameters">The arguments, e.g. <c>"predicate?"</c>; empty for none.</param>
/// <param name="Effect">What the member writes.</param>
/// <param name="Deferred">True when the result is a query that runs only when enumerated (its lambdas run later);
/// false when the member is done with its arguments, lambdas included, when it returns.</param>
/// <param name="Routine">The interpreter routine that runs it.</param>
internal sealed record LibraryMember(string Container, string Name, string Parameters, LibraryEffect Effect, bool Deferred, LibraryRoutine Routine)
{
    /// <summary>The fewest arguments (after the receiver) the member takes.</summary>
    public int MinArity => Arguments.Length - Count('?');

    /// <summary>The most arguments the member takes; <see cref="int.MaxValue"/> for a <c>params</c> list.</summary>
    public int MaxArity => Parameters.EndsWith("...", System.StringComparison.Ordinal) ? int.MaxValue : Arguments.Length;

    /// <summary>True when the member writes nothing: a guard may call it.</summary>
    public bool ReadsOnly => Effect == LibraryEffect.ReadsOnly;

    /// <summary>True when the member's lambdas run during the call only (see the interpreter's <c>DelegateCreation</c>).</summary>
    public bool ConsumesLambdaAtOnce => !Deferred;

    private string[] Arguments => Parameters.Length == 0 ? System.Array.Empty<string>() : Parameters.Split(',');

    private int Count(char c)
    {
        int n = 0;
        foreach (char x in Parameters)
        {
            n += x == c ? 1 : 0;
        }

        return n;
    }
}
