using System.Globalization;
using System.Text;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// Literal-style text of strings and chars for the traces of generated adapters, written exactly as the
/// compile-time checker writes them, so both report the same text.
/// </summary>
public static class ValueText
{
    /// <summary>Appends <paramref name="value"/> as a C# string literal, or <c>null</c>.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="value">The string.</param>
    public static void AppendString(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }

        LiteralText.AppendQuoted(text, value, '"');
    }

    /// <summary>Appends <paramref name="value"/> as a C# char literal.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="value">The char.</param>
    public static void AppendChar(StringBuilder text, char value) => LiteralText.AppendQuoted(text, value.ToString(), '\'');

    /// <summary>Appends an integer in the invariant culture.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="value">The integer.</param>
    public static void AppendInteger(StringBuilder text, long value) => text.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends an unsigned 64-bit integer in the invariant culture.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="value">The integer.</param>
    public static void AppendInteger(StringBuilder text, ulong value) => text.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends <c>true</c> or <c>false</c>, as C# writes the literal.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="value">The bool.</param>
    public static void AppendBool(StringBuilder text, bool value) => text.Append(value ? "true" : "false");
}
