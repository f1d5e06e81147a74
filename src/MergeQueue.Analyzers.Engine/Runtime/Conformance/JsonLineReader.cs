using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>
/// Reads one line of a JSON-lines log into dictionaries, strings, longs, doubles, bools and nulls. The engine has no
/// runtime dependency (System.Text.Json is a package on netstandard2.0), and a log line needs no more than this.
/// </summary>
internal sealed class JsonLineReader
{
    private readonly string text;
    private int at;

    private JsonLineReader(string text) => this.text = text;

    /// <summary>The object the line holds.</summary>
    /// <exception cref="FormatException">The line is not one JSON object.</exception>
    internal static Dictionary<string, object?> ReadObject(string line)
    {
        var reader = new JsonLineReader(line);
        reader.SkipSpace();
        if (reader.Peek() != '{')
        {
            throw reader.Error("expected a JSON object");
        }

        var value = (Dictionary<string, object?>)reader.Value()!;
        reader.SkipSpace();
        if (reader.at < line.Length)
        {
            throw reader.Error("unexpected text after the object");
        }

        return value;
    }

    private object? Value()
    {
        SkipSpace();
        char c = Peek();
        switch (c)
        {
            case '{':
                return Object();
            case '[':
                return Array();
            case '"':
                return String();
            case 't':
                return Word("true", true);
            case 'f':
                return Word("false", false);
            case 'n':
                return Word("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return Number();
                }

                throw Error("unexpected " + (at < text.Length ? "'" + c + "'" : "end of line"));
        }
    }

    private Dictionary<string, object?> Object()
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal);
        at++;
        SkipSpace();
        if (Peek() == '}')
        {
            at++;
            return members;
        }

        while (true)
        {
            SkipSpace();
            if (Peek() != '"')
            {
                throw Error("expected a member name");
            }

            string name = String();
            SkipSpace();
            Expect(':');
            members[name] = Value();
            SkipSpace();
            if (Peek() == ',')
            {
                at++;
                continue;
            }

            Expect('}');
            return members;
        }
    }

    private List<object?> Array()
    {
        var items = new List<object?>();
        at++;
        SkipSpace();
        if (Peek() == ']')
        {
            at++;
            return items;
        }

        while (true)
        {
            items.Add(Value());
            SkipSpace();
            if (Peek() == ',')
            {
                at++;
                continue;
            }

            Expect(']');
            return items;
        }
    }

    private string String()
    {
        at++;
        var value = new StringBuilder();
        while (at < text.Length)
        {
            char c = text[at++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (at >= text.Length)
            {
                break;
            }

            char escape = text[at++];
            switch (escape)
            {
                case '"' or '\\' or '/':
                    value.Append(escape);
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case 'f':
                    value.Append('\f');
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u' when at + 4 <= text.Length
                    && int.TryParse(text.Substring(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    value.Append((char)code);
                    at += 4;
                    break;
                default:
                    throw Error("bad escape '\\" + escape + "'");
            }
        }

        throw Error("unterminated string");
    }

    private object Number()
    {
        int start = at;
        while (at < text.Length && "+-0123456789.eE".IndexOf(text[at]) >= 0)
        {
            at++;
        }

        string literal = text.Substring(start, at - start);
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }

        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return real;
        }

        throw Error("bad number '" + literal + "'");
    }

    private object? Word(string word, object? value)
    {
        if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0)
        {
            throw Error("unexpected '" + text[at] + "'");
        }

        at += word.Length;
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error("expected '" + c + "'");
        }

        at++;
    }

    private char Peek() => at < text.Length ? text[at] : '\0';

    private void SkipSpace()
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }
    }

    private FormatException Error(string what) =>
        new(what + " at column " + (at + 1).ToString(CultureInfo.InvariantCulture));
}
