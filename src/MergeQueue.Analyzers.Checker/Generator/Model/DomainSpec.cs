namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// The values of one action parameter, for generated code that computes an instance's arguments from its number
/// instead of spelling out every instance: its size then grows with the number of parameters, not of values.
/// </summary>
/// <param name="Type">The parameter's type, fully qualified.</param>
/// <param name="Prefix">What precedes the value in a trace: <c>p: </c>.</param>
/// <param name="Start">For a contiguous integer range (<see cref="Literals"/> empty), its first value.</param>
/// <param name="Count">How many values.</param>
/// <param name="Literals">Otherwise each value as a C# expression of <see cref="Type"/>.</param>
/// <param name="Shown">Otherwise each value as a trace shows it.</param>
internal sealed record DomainSpec(string Type, string Prefix, long Start, int Count, EquatableArray<string> Literals, EquatableArray<string> Shown)
{
    /// <summary>Whether the values are <see cref="Start"/>, <see cref="Start"/> + 1, … computed in generated code.</summary>
    public bool IsRange => Literals.Count == 0;
}
