using System.Collections.Generic;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// The state fields some code may take ownership of (and so copy) while it runs; <see cref="Unknown"/> when it calls
/// code whose effects are not tracked. Decides whether a field can be read in place (see <see cref="Use"/>).
/// </summary>
internal sealed class EffectSet
{
    private readonly HashSet<int> fields = new();

    public bool Unknown { get; private set; }

    public void Own(int field) => fields.Add(field);

    public void MarkUnknown() => Unknown = true;

    public bool Touches(int field) => Unknown || fields.Contains(field);

    public void UnionWith(EffectSet? other)
    {
        if (other is null)
        {
            return;
        }

        Unknown |= other.Unknown;
        fields.UnionWith(other.fields);
    }

    public static EffectSet Union(EffectSet? a, EffectSet? b)
    {
        var union = new EffectSet();
        union.UnionWith(a);
        union.UnionWith(b);
        return union;
    }
}
