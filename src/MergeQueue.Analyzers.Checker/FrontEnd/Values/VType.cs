using System;
using System.Collections.Generic;
using System.Text;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>
/// What the interpreter knows about a C# type: how its values compare, hash, copy, freeze and print.
/// One instance per type per model, built by <see cref="TypeMapper"/>.
/// </summary>
internal abstract class VType
{
    protected VType(string name, string clrName)
    {
        Name = name;
        ClrName = clrName;
    }

    /// <summary>The type as C# prints it (<c>List&lt;int&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>The type as .NET's <c>Type.ToString()</c> prints it, for <c>ToString()</c> of collections.</summary>
    public string ClrName { get; }

    /// <summary>The value is a mutable object: aliasing it is visible, so the state must own its copy.</summary>
    public virtual bool IsMutable => false;

    /// <summary>The value is or contains a mutable object: reading it out of a frozen state needs a copy.</summary>
    public virtual bool HasMutableParts => IsMutable;

    /// <summary>Values live in <see cref="Value.Ref"/> and may be null.</summary>
    public virtual bool IsReference => false;

    /// <summary>The C# <c>default</c> of the type.</summary>
    public virtual Value Default => default;

    /// <summary>What an enumeration of the value yields, for collections, strings and sequences.</summary>
    public virtual VType? ElementType => null;

    /// <summary>The types a value of this one is made of, for finding the types that can hold themselves.</summary>
    public virtual IEnumerable<VType> Parts => ElementType is { } element ? new[] { element } : Array.Empty<VType>();

    /// <summary>Structural equality: the state's notion of sameness.</summary>
    public abstract bool Equal(Value a, Value b);

    /// <summary>.NET's <c>EqualityComparer&lt;T&gt;.Default</c>: like <see cref="Equal"/>, but by reference for collections.</summary>
    public virtual bool ValueEquals(Value a, Value b) => Equal(a, b);

    public abstract long Hash(Value value);

    /// <summary>A total order, for the canonical order of sets and dictionary keys.</summary>
    public abstract int Compare(Value a, Value b);

    public virtual Value DeepCopy(Value value) => value;

    /// <summary>Makes the value part of a state: canonical order, cached hashes, and no more writes.</summary>
    public virtual void Freeze(Value value, Freezer freezer)
    {
    }

    /// <summary>The value as a trace shows it.</summary>
    public abstract void Format(Value value, StringBuilder text);

    /// <summary>The value as .NET's <c>ToString()</c> (and so string interpolation) prints it.</summary>
    public abstract void AppendText(Value value, StringBuilder text);

    public string Format(Value value)
    {
        var text = new StringBuilder();
        Format(value, text);
        return text.ToString();
    }

    public string ToText(Value value)
    {
        var text = new StringBuilder();
        AppendText(value, text);
        return text.ToString();
    }

    public override string ToString() => Name;
}
