using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Strings and chars as C# literals for traces and argument lists, shared by the compile-time checker and the
/// generated explorer so that both print them byte for byte alike.
/// </summary>
internal static class LiteralText
{
    public static void AppendQuoted(StringBuilder text, string value, char quote)
    {
        text.Append(quote);
        foreach (char c in value)
        {
            AppendEscaped(text, c, quote);
        }

        text.Append(quote);
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
