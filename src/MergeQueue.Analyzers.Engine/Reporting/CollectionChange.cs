using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MergeQueue.Analyzers;

/// <summary>
/// What changed inside a collection from one step to the next, read from the two printed values, so that a long list
/// of records is not reprinted whole at every step: <c>queue[2]: added PR(3, Waiting)</c>, <c>pr[0] = Blocked</c>,
/// <c>votes: +{(1, 2)} -{(0, 2)}</c>, <c>owner["x"] = 2</c>. Both back ends print values the same way, so working on
/// the text keeps their traces the same.
/// </summary>
internal static class CollectionChange
{
    /// <summary>A field printed in this many characters or fewer is always shown whole: short values read best so.</summary>
    internal const int ShortEnough = 60;

    /// <summary>The change as text, or null when the field reads better whole (short, not a collection, or rebuilt).</summary>
    internal static string? Describe(string field, string before, string after)
    {
        int whole = field.Length + 3 + after.Length;
        if (whole <= ShortEnough
            || !TrySplit(before, out char open, out var old)
            || !TrySplit(after, out char reopened, out var now)
            || open != reopened)
        {
            return null;
        }

        string? text = open == '[' ? Sequence(field, old, now) : Braces(field, old, now);
        return text is not null && text.Length < whole ? text : null;
    }

    // Same length: the positions that changed. Longer or shorter with everything else in place: what was added or removed.
    private static string? Sequence(string field, List<string> old, List<string> now)
    {
        int prefix = 0;
        while (prefix < old.Count && prefix < now.Count && old[prefix] == now[prefix])
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < old.Count - prefix && suffix < now.Count - prefix && old[old.Count - 1 - suffix] == now[now.Count - 1 - suffix])
        {
            suffix++;
        }

        var parts = new List<string>();
        if (old.Count == now.Count)
        {
            for (int i = prefix; i < now.Count - suffix; i++)
            {
                if (old[i] != now[i])
                {
                    parts.Add(Index(field, i) + " = " + now[i]);
                }
            }
        }
        else if (prefix + suffix == old.Count)
        {
            for (int i = prefix; i < now.Count - suffix; i++)
            {
                parts.Add(Index(field, i) + ": added " + now[i]);
            }
        }
        else if (prefix + suffix == now.Count)
        {
            for (int i = prefix; i < old.Count - suffix; i++)
            {
                parts.Add(Index(field, i) + ": removed " + old[i]);
            }
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    // A set: what joined and what left. A dictionary ("key: value" entries): each key set, each key removed.
    private static string? Braces(string field, List<string> old, List<string> now)
    {
        bool oldPairs = old.All(e => KeyEnd(e) > 0);
        bool nowPairs = now.All(e => KeyEnd(e) > 0);
        bool oldElements = old.All(e => KeyEnd(e) < 0);
        bool nowElements = now.All(e => KeyEnd(e) < 0);
        if (oldPairs && nowPairs && (old.Count > 0 || now.Count > 0))
        {
            return Dictionary(field, old, now);
        }

        if (!oldElements || !nowElements)
        {
            return null;
        }

        var before = new HashSet<string>(old, StringComparer.Ordinal);
        var after = new HashSet<string>(now, StringComparer.Ordinal);
        var added = now.Where(e => !before.Contains(e)).ToList();
        var removed = old.Where(e => !after.Contains(e)).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return null;
        }

        return field + ":"
            + (added.Count > 0 ? " +{" + string.Join(", ", added) + "}" : string.Empty)
            + (removed.Count > 0 ? " -{" + string.Join(", ", removed) + "}" : string.Empty);
    }

    private static string? Dictionary(string field, List<string> old, List<string> now)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in old)
        {
            before[entry.Substring(0, KeyEnd(entry))] = entry.Substring(KeyEnd(entry) + 2);
        }

        var parts = new List<string>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in now)
        {
            string key = entry.Substring(0, KeyEnd(entry));
            string value = entry.Substring(KeyEnd(entry) + 2);
            kept.Add(key);
            if (!before.TryGetValue(key, out var was) || was != value)
            {
                parts.Add(field + "[" + key + "] = " + value);
            }
        }

        foreach (var key in before.Keys.Where(k => !kept.Contains(k)))
        {
            parts.Add(field + "[" + key + "]: removed");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Index(string field, int index) => field + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    // Where an entry's key ends (its top-level ": "), or -1 for a plain element.
    private static int KeyEnd(string entry)
    {
        int at = -1;
        Scan(entry, 0, entry.Length, (i, depth) =>
        {
            if (at < 0 && depth == 0 && entry[i] == ':' && i + 1 < entry.Length && entry[i + 1] == ' ')
            {
                at = i;
            }
        });
        return at;
    }

    // "[a, b]" or "{a, b}" whose first bracket closes at the end: its top-level elements, as printed.
    private static bool TrySplit(string text, out char open, out List<string> items)
    {
        open = text.Length >= 2 ? text[0] : '\0';
        items = new List<string>();
        char close = open == '[' ? ']' : open == '{' ? '}' : '\0';
        if (close == '\0' || text[text.Length - 1] != close)
        {
            return false;
        }

        bool closedEarly = false;
        int start = 1;
        var found = items;
        Scan(text, 1, text.Length - 1, (i, depth) =>
        {
            if (depth < 0)
            {
                closedEarly = true;
            }
            else if (depth == 0 && text[i] == ',' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                found.Add(text.Substring(start, i - start));
                start = i + 2;
            }
        });

        if (closedEarly)
        {
            return false;
        }

        if (text.Length > 2)
        {
            items.Add(text.Substring(start, text.Length - 1 - start));
        }

        return true;
    }

    // Calls visit for each character outside string and char literals, with the bracket depth around it.
    private static void Scan(string text, int from, int to, Action<int, int> visit)
    {
        int depth = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            if (c == '"' || c == '\'')
            {
                for (i++; i < to && text[i] != c; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }

                continue;
            }

            if (c == '(' || c == '[' || c == '{')
            {
                visit(i, depth);
                depth++;
                continue;
            }

            if (c == ')' || c == ']' || c == '}')
            {
                depth--;
            }

            visit(i, depth);
        }
    }
}
