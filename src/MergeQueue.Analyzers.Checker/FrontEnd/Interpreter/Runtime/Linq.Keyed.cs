using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Runtime;

/// <summary>The eager queries that key each element: <c>ToDictionary</c>, <c>MaxBy</c>, <c>MinBy</c>.</summary>
internal static partial class Linq
{
    /// <summary><c>ToDictionary(key)</c> or <c>ToDictionary(key, element)</c>: a repeated key throws, as <c>Dictionary.Add</c> does.</summary>
    public static Value ToDictionary(Execution ex, Value source, Closure key, Closure? element, DictionaryType type)
    {
        var table = new TableObject(type.Key, type.Pair);
        foreach (var item in Source(source))
        {
            ex.Tick(null);
            var k = key.Invoke(ex, item);
            if (k.Ref is null && type.Key.IsReference)
            {
                throw ModelException.Of("ArgumentNullException", "Value cannot be null. (Parameter 'key')");
            }

            Collections.AddEntry(table, k, element is null ? item : element.Invoke(ex, item), type.Key);
        }

        return new Value(table);
    }

    /// <summary>
    /// <c>MaxBy</c>/<c>MinBy</c>: the first element with the greatest (least) key. An empty source gives null for a
    /// reference (or nullable) element type and throws otherwise.
    /// </summary>
    public static Value ExtremeBy(
        Execution ex, Value source, Closure key, System.Func<Execution, Value, Value, int> keyOrder, bool max, Value? whenEmpty, bool keyMayBeNull)
    {
        // A key type whose default is null: .NET skips null keys, and gives the first element when every key is null.
        bool any = false;
        bool keyed = false;
        Value first = default;
        Value best = default;
        Value bestKey = default;
        foreach (var item in Source(source))
        {
            ex.Tick(null);
            var k = key.Invoke(ex, item);
            first = any ? first : item;
            any = true;
            if (keyMayBeNull && k.Ref is null)
            {
                continue;
            }

            if (!keyed || (max ? keyOrder(ex, k, bestKey) > 0 : keyOrder(ex, k, bestKey) < 0))
            {
                best = item;
                bestKey = k;
                keyed = true;
            }
        }

        return keyed ? best : any ? first : whenEmpty ?? throw Errors.NoElements();
    }
}
