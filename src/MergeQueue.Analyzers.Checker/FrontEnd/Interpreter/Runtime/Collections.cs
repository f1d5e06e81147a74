using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>Operations shared by several call sites, with .NET's exceptions.</summary>
internal static class Collections
{
    public static T As<T>(Value value)
        where T : class => value.Ref as T ?? throw Errors.NullReference();

    /// <summary><c>array[index]</c>.</summary>
    public static Value ElementOf(Value array, long index)
    {
        var items = As<ArrayObject>(array).Items;
        return (ulong)index < (ulong)items.Length ? items[index] : throw Errors.IndexOutOfRange();
    }

    /// <summary><c>Dictionary.Add</c>: a present key throws.</summary>
    public static void AddEntry(TableObject table, Value key, Value value, VType keyType)
    {
        if (table.Find(key) >= 0)
        {
            throw Errors.DuplicateKey(keyType.ToText(key));
        }

        table.Insert(key, value);
    }

    /// <summary><c>HashSet.Add</c>: false when present.</summary>
    public static bool AddKey(TableObject table, Value key)
    {
        if (table.Find(key) >= 0)
        {
            return false;
        }

        table.Insert(key, default);
        return true;
    }

    public static void CheckCapacity(long capacity)
    {
        if (capacity < 0)
        {
            throw Errors.ArgumentOutOfRange("Non-negative number required.", "capacity");
        }

        // .NET allocates the capacity at once: new List<int>(int.MaxValue) throws.
        Allocation.Check(capacity);
    }
}
