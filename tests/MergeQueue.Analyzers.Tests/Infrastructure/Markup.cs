using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Source with expected diagnostics marked in place: <c>{|SM0002:OrderedQueue|}</c> expects SM0002 on exactly
/// the span of <c>OrderedQueue</c>.
/// </summary>
internal sealed class Markup
{
    private static readonly Regex Marker = new(@"\{\|(?<id>[A-Z]{2}\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline);

    private Markup(string source, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Source = source;
        Expected = expected;
    }

    /// <summary>The source with the markers removed.</summary>
    public string Source { get; }

    /// <summary>The marked diagnostics, in source order.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public static Markup Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        var last = 0;
        foreach (Match match in Marker.Matches(markup))
        {
            source.Append(markup, last, match.Index - last);
            var text = match.Groups["text"].Value;
            expected.Add(new ExpectedDiagnostic(match.Groups["id"].Value, new TextSpan(source.Length, text.Length)));
            source.Append(text);
            last = match.Index + match.Length;
        }

        source.Append(markup, last, markup.Length - last);
        return new Markup(source.ToString(), expected);
    }
}

/// <summary>A diagnostic a test expects: its id and where.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span)
{
    public override string ToString() => $"{Id} at {Span}";
}
