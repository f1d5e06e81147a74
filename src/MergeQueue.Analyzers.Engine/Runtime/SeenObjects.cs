using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// The mutable objects a sharing check has met so far, each with the place it was first met, by identity. A state holds
/// few of them, so they are kept in a list searched by reference until there are <see cref="ScanLimit"/>: hashing by
/// identity (<see cref="RuntimeHelpers.GetHashCode(object)"/>) is a slow call into the runtime for an object never
/// hashed before, which is every collection a step allocates (<c>x[i] = [0, 1]</c>), and was most of such a step's
/// time. Past the limit a table by identity takes over, so a check stays linear in the number of objects.
/// </summary>
internal sealed class SeenObjects
{
    private const int ScanLimit = 32;

    private readonly object[] objects = new object[ScanLimit];
    private readonly string[] places = new string[ScanLimit];
    private int count;
    private Dictionary<object, string>? table;

    /// <summary>The place where <paramref name="value"/> was first met, or null when it was not met yet.</summary>
    /// <param name="value">A mutable object.</param>
    /// <returns>Its first place, or null.</returns>
    internal string? PlaceOf(object value)
    {
        if (table is { Count: > 0 })
        {
            return table.TryGetValue(value, out var place) ? place : null;
        }

        for (int i = 0; i < count; i++)
        {
            if (ReferenceEquals(objects[i], value))
            {
                return places[i];
            }
        }

        return null;
    }

    /// <summary>Remembers <paramref name="value"/>, not met yet, as met in <paramref name="place"/>.</summary>
    /// <param name="value">A mutable object.</param>
    /// <param name="place">The field it was met in.</param>
    internal void Add(object value, string place)
    {
        if (table is { Count: > 0 })
        {
            table.Add(value, place);
            return;
        }

        if (count < ScanLimit)
        {
            objects[count] = value;
            places[count] = place;
            count++;
            return;
        }

        table ??= new Dictionary<object, string>(Identity.Instance);
        for (int i = 0; i < count; i++)
        {
            table.Add(objects[i], places[i]);
        }

        table.Add(value, place);
        ForgetList();
    }

    /// <summary>Forgets every object, keeping no reference to the state's objects alive.</summary>
    internal void Clear()
    {
        ForgetList();
        table?.Clear();
    }

    private void ForgetList()
    {
        System.Array.Clear(objects, 0, count);
        System.Array.Clear(places, 0, count);
        count = 0;
    }

    private sealed class Identity : IEqualityComparer<object>
    {
        public static readonly Identity Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
