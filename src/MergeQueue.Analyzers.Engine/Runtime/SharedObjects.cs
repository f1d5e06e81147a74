using System.Collections;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// Finds one mutable object (an array or a collection) reachable from two places of a state, which the README's Semantics makes a
/// model error: a snapshot would silently split it in two. The sentences are the compile-time checker's.
/// </summary>
public static class SharedObjects
{
    /// <summary>The failure message for the first sharing found among <paramref name="values"/>, or null.</summary>
    /// <param name="names">The fields' names, in declaration order.</param>
    /// <param name="values">The fields' values, in the same order.</param>
    /// <returns>The message, or null when every mutable object has one place.</returns>
    public static string? Find(IReadOnlyList<string> names, object?[] values)
    {
        // Fields holding the very same object first, as the checker reports them.
        for (int i = 0; i < values.Length; i++)
        {
            if (KindOf(values[i]) == Kind.Immutable)
            {
                continue;
            }

            for (int j = i + 1; j < values.Length; j++)
            {
                if (ReferenceEquals(values[i], values[j]))
                {
                    return Shared(names[i], names[j]);
                }
            }
        }

        // After every step of a model with collections: one table per thread, emptied after use, costs no garbage.
        var seen = seenObjects ??= new SeenObjects();
        try
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (Walk(values[i], names[i], seen) is { } message)
                {
                    return message;
                }
            }

            return null;
        }
        finally
        {
            seen.Clear();
        }
    }

    [System.ThreadStatic]
    private static SeenObjects? seenObjects;

    // What a sharing check does with an object of each type, decided once per type: a step checks every object of the
    // state, and one lookup by type costs less than the type tests it stands for. Types are held weakly: a generated
    // explorer's assembly may be loaded in a collectible context, and its types must go when it is unloaded.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Type, TypeKind> Kinds = new();

    private enum Kind
    {
        /// <summary>Not a mutable object: never shared.</summary>
        Immutable,

        /// <summary>A mutable object holding no mutable object (value-type or string elements, or a record).</summary>
        Leaf,

        /// <summary>A dictionary that may hold mutable keys or values.</summary>
        Dictionary,

        /// <summary>A collection that may hold mutable items.</summary>
        Items,
    }

    private static Kind KindOf(object? value) =>
        value is null ? Kind.Immutable : Kinds.GetValue(value.GetType(), type => new TypeKind(Classify(type))).Kind;

    private sealed class TypeKind(Kind kind)
    {
        public Kind Kind { get; } = kind;
    }

    // Strings are immutable; value types arrive boxed afresh and cannot be shared. A record with a settable member is
    // mutable, as the compile-time checker decides it: an instance field that is not readonly (init-only).
    private static Kind Classify(System.Type type)
    {
        bool collection = typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string);
        if (!collection && (type.IsValueType || !IsSettableRecord(type)))
        {
            return Kind.Immutable;
        }

        if (!MayHoldReferences(type))
        {
            return Kind.Leaf;
        }

        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return Kind.Dictionary;
        }

        // A mutable record: the generated explorer refuses records holding collections, so nothing inside it is shared.
        return collection ? Kind.Items : Kind.Leaf;
    }

    private static string? Walk(object? value, string place, SeenObjects seen)
    {
        var kind = KindOf(value);
        if (kind == Kind.Immutable)
        {
            return null;
        }

        if (seen.PlaceOf(value!) is { } first)
        {
            return first == place
                ? "One mutable object appears twice in '" + place + "': give each place its own copy"
                : Shared(first, place);
        }

        seen.Add(value!, place);
        switch (kind)
        {
            case Kind.Dictionary:
                foreach (DictionaryEntry entry in (IDictionary)value!)
                {
                    if ((Walk(entry.Key, place, seen) ?? Walk(entry.Value, place, seen)) is { } message)
                    {
                        return message;
                    }
                }

                return null;
            case Kind.Items when value is object?[] elements:
                // An array of references by index: its enumerator would be one more object per step.
                for (int i = 0; i < elements.Length; i++)
                {
                    if (Walk(elements[i], place, seen) is { } message)
                    {
                        return message;
                    }
                }

                return null;
            case Kind.Items:
                foreach (var item in (IEnumerable)value!)
                {
                    if (Walk(item, place, seen) is { } message)
                    {
                        return message;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsSettableRecord(System.Type type)
    {
        // C# compiles every record class with a clone method of this name.
        if (type.GetMethod("<Clone>$") is null)
        {
            return false;
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Elements of a value type or strings are never mutable objects (boxed afresh, or immutable): walking them would
    // only box each one. Only a collection whose element types say so is walked.
    private static bool MayHoldReferences(System.Type type)
    {
        if (type.IsArray)
        {
            return IsReference(type.GetElementType()!);
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType)
            {
                foreach (var argument in current.GetGenericArguments())
                {
                    if (IsReference(argument))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return true;
    }

    private static bool IsReference(System.Type type) => !type.IsValueType && type != typeof(string);

    private static string Shared(string first, string second) =>
        "One mutable object is shared by '" + first + "' and '" + second + "': give each place its own copy";
}
