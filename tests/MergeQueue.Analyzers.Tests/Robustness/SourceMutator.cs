using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Small random edits of the kind a developer makes mid-typing: a token deleted or doubled, an operator or a
/// literal swapped, an attribute argument dropped. Seeded, so every mutant can be rebuilt from its seed.
/// </summary>
internal static class SourceMutator
{
    private static readonly Dictionary<SyntaxKind, SyntaxKind> SwappedOperators = new()
    {
        [SyntaxKind.EqualsEqualsToken] = SyntaxKind.ExclamationEqualsToken,
        [SyntaxKind.ExclamationEqualsToken] = SyntaxKind.EqualsEqualsToken,
        [SyntaxKind.LessThanToken] = SyntaxKind.LessThanEqualsToken,
        [SyntaxKind.LessThanEqualsToken] = SyntaxKind.GreaterThanToken,
        [SyntaxKind.GreaterThanToken] = SyntaxKind.GreaterThanEqualsToken,
        [SyntaxKind.GreaterThanEqualsToken] = SyntaxKind.LessThanToken,
        [SyntaxKind.AmpersandAmpersandToken] = SyntaxKind.BarBarToken,
        [SyntaxKind.BarBarToken] = SyntaxKind.AmpersandAmpersandToken,
        [SyntaxKind.PlusToken] = SyntaxKind.MinusToken,
        [SyntaxKind.MinusToken] = SyntaxKind.PlusToken,
        [SyntaxKind.PlusPlusToken] = SyntaxKind.MinusMinusToken,
        [SyntaxKind.MinusMinusToken] = SyntaxKind.PlusPlusToken,
        [SyntaxKind.AsteriskToken] = SyntaxKind.SlashToken,
        [SyntaxKind.SlashToken] = SyntaxKind.PercentToken,
        [SyntaxKind.TrueKeyword] = SyntaxKind.FalseKeyword,
        [SyntaxKind.FalseKeyword] = SyntaxKind.TrueKeyword,
    };

    private static readonly string[] Literals = ["0", "1", "-1", "2", "3", "100", "int.MaxValue"];

    /// <summary>The source with one mutation, and what it was (for the failure message).</summary>
    public static (string Source, string Mutation) Mutate(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var kind = random.Next(5);
            var token = tokens[random.Next(tokens.Count)];
            switch (kind)
            {
                case 0:
                    return (Replace(source, token.Span, string.Empty), $"deleted '{token.Text}' at {token.SpanStart}");
                case 1:
                    return (Replace(source, token.Span, token.Text + " " + token.Text), $"doubled '{token.Text}' at {token.SpanStart}");
                case 2 when SwappedOperators.TryGetValue(token.Kind(), out var swapped):
                    var text = SyntaxFacts.GetText(swapped);
                    return (Replace(source, token.Span, text), $"'{token.Text}' -> '{text}' at {token.SpanStart}");
                case 3 when token.IsKind(SyntaxKind.NumericLiteralToken):
                    var literal = Literals[random.Next(Literals.Length)];
                    return (Replace(source, token.Span, literal), $"'{token.Text}' -> '{literal}' at {token.SpanStart}");
                case 4:
                    var arguments = root.DescendantNodes().OfType<AttributeArgumentListSyntax>().Where(a => a.Arguments.Count > 0).ToList();
                    if (arguments.Count > 0)
                    {
                        var list = arguments[random.Next(arguments.Count)];
                        var argument = list.Arguments[random.Next(list.Arguments.Count)];
                        return (Replace(source, argument.Span, string.Empty), $"dropped attribute argument '{argument}' at {argument.SpanStart}");
                    }

                    break;
            }
        }

        var fallback = tokens[random.Next(tokens.Count)];
        return (Replace(source, fallback.Span, string.Empty), $"deleted '{fallback.Text}' at {fallback.SpanStart}");
    }

    private static string Replace(string source, TextSpan span, string text) =>
        source.Substring(0, span.Start) + text + source.Substring(span.End);
}
