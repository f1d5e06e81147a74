using System;
using System.Globalization;

namespace MergeQueue.Analyzers.Engine.Runtime.Conformance;

/// <summary>
/// Whether a value a log gives for a parameter is one value of its domain. Logs carry what JSON and C# callers have at
/// hand: a JSON number is a long, an enum value may come by name or by number.
/// </summary>
internal static class ArgumentMatcher
{
    /// <summary>Whether <paramref name="given"/> stands for the domain value <paramref name="value"/>.</summary>
    internal static bool Matches(object? given, object? value)
    {
        if (Equals(given, value))
        {
            return true;
        }

        if (given is null || value is null)
        {
            return false;
        }

        if (value is Enum member)
        {
            return given switch
            {
                string name => string.Equals(member.ToString(), name, StringComparison.Ordinal)
                    || string.Equals(member.GetType().Name + "." + member, name, StringComparison.Ordinal),
                _ => IsInteger(given) && Convert.ToDecimal(member, CultureInfo.InvariantCulture) == Convert.ToDecimal(given, CultureInfo.InvariantCulture),
            };
        }

        if (IsInteger(value))
        {
            return IsInteger(given)
                ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) == Convert.ToDecimal(given, CultureInfo.InvariantCulture)
                : given is double real && real == Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }

        return value is char c && given is string text && text.Length == 1 && text[0] == c;
    }

    /// <summary>A value as a report shows it: strings quoted, the rest in the invariant culture.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong;
}
