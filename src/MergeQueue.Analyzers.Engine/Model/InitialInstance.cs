using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// One way to build an initial state: the model's constructor with one value per parameter (TLA+ <c>Init</c> with
/// <c>x \in S</c>). A model that starts from its parameterless constructor has one, with no arguments.
/// </summary>
/// <param name="Arguments">Each constructor parameter as <c>name: value</c>, already formatted (<c>n: 2</c>).</param>
public sealed record InitialInstance(IReadOnlyList<string> Arguments)
{
    /// <summary>The one initial instance of a model built by its parameterless constructor.</summary>
    public static IReadOnlyList<InitialInstance> Parameterless { get; } = new[] { new InitialInstance(System.Array.Empty<string>()) };

    /// <summary>How step 0 of a trace names it: <c>initial state</c>, or <c>initial state (c: Blue, n: 2)</c>.</summary>
    public string Display => Arguments.Count == 0
        ? ReportText.InitialStateLabel
        : ReportText.InitialStateLabel + " (" + string.Join(", ", Arguments) + ")";
}
