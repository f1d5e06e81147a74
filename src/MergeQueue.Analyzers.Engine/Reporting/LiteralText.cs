using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Strings and chars as C# literals for traces and argument lists, shared by the compile-time checker and the
/// generated explorer so that both print them byte for byte alike.
/// </summary>
internal static class LiteralText
{
    /// <summary>
    /// A string longer than this prints as its first this many characters and its length. Printed whole, the trace of
    /// a string doubled up to the checker's bound of 16,777,216 characters was 33 million characters of message, built
    /// for seconds past the time limit, and no one reads it.
    /// </summary>
    public const int LongString = 1000;

    /// <summary>
    /// <c>"ab"</c>; past <see cref="LongString"/> characters the first ones and the length,
    /// <c>"abab"… (16,777,216 characters)</c>, cut before a surrogate pair rather than inside it.
    /// </summary>
    public static void AppendQuoted(StringBuilder text, string value, char quote)
    {
        int shown = value.Length <= LongString ? value.Length
            : char.IsHighSurrogate(value[LongString - 1]) ? LongString - 1
            : LongString;
        text.Append(quote);
        for (int i = 0; i < shown; i++)
        {
            AppendEscaped(text, value[i], quote);
        }

        text.Append(quote);
        if (shown < value.Length)
        {
            text.Append("… (").Append(value.Length.ToString("N0", CultureInfo.InvariantCulture)).Append(" characters)");
        }
    }

    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendQuoted(text, value, '"');
        return text.ToString();
    }

    private static void AppendEscaped(StringBuilder text, char c, char quote)
    {
        switch (c)
        {
            case '\\':
                text.Append("\\\\");
                break;
            case '\n':
                text.Append("\\n");
                break;
            case '\r':
                text.Append("\\r");
                break;
            case '\t':
                text.Append("\\t");
                break;
            case '\0':
                text.Append("\\0");
                break;
            default:
                if (c == quote)
                {
                    text.Append('\\').Append(c);
                }
                else if (char.IsControl(c))
                {
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append(c);
                }

                break;
        }
    }
}
