using System;
using System.Collections.Generic;
using System.Text;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;

namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary>
/// Records, structs, tuples and key-value pairs: a fixed list of fields, compared field by field. A value's own
/// <see cref="RecordObject.Type"/> decides (a derived record may sit where its base is declared).
/// </summary>
internal sealed class RecordType(RecordKind kind, string name, string clrName) : VType(name, clrName)
{
    private readonly long seed = Hashing.String(clrName);
    private string[] fieldNames = Array.Empty<string>();
    private VType[] fieldTypes = Array.Empty<VType>();
    private bool[] printable = Array.Empty<bool>();
    private bool mutable;
    private bool? hasMutableParts;
    private bool computingMutableParts;
    private bool? selfNested;
    private RecordObject? defaultValue;
    private RecordType? identity;
    private string?[]? elementNames;

    public RecordKind Kind { get; } = kind;

    /// <summary>
    /// The type this one's values carry, which they compare, hash and order by: itself, except for a tuple declared with
    /// other element names than the first of its CLR type mapped, whose values are that one's (<c>(int A, int B)</c> is
    /// <c>(int, int)</c> to .NET).
    /// </summary>
    public RecordType Identity => identity ?? this;

    /// <summary>How many leading fields a positional record's synthesized <c>Deconstruct</c> yields; 0 if none.</summary>
    public int PositionalCount { get; set; }

    /// <summary>The base record, for type patterns over a record hierarchy.</summary>
    public RecordType? Base { get; set; }

    /// <summary>Whether this is an interface implemented by records (it has no members of its own).</summary>
    public bool IsInterface { get; private set; }

    /// <summary>
    /// The records a value declared as this type may be at run time besides itself: derived records, or for an
    /// interface its implementations (non-abstract ones, from the compilation's source).
    /// </summary>
    public IReadOnlyList<RecordType> RuntimeTypes { get; private set; } = Array.Empty<RecordType>();

    public void SetRuntimeTypes(IReadOnlyList<RecordType> types, bool isInterface)
    {
        RuntimeTypes = types;
        IsInterface = isInterface;
        hasMutableParts = null;
        selfNested = null;
    }

    public bool IsSameOrDerivedFrom(RecordType other)
    {
        other = other.Identity;
        if (other.IsInterface)
        {
            return other == this || ((IList<RecordType>)other.RuntimeTypes).Contains(this);
        }

        for (var type = this; type is not null; type = type.Base)
        {
            if (type == other)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<string> FieldNames => fieldNames;

    public IReadOnlyList<VType> FieldTypes => fieldTypes;

    public override bool IsMutable => mutable;

    public override bool IsReference => Kind is RecordKind.RecordClass or RecordKind.Anonymous;

    public override bool HasMutableParts
    {
        get
        {
            if (hasMutableParts is { } known)
            {
                return known;
            }

            // A record may contain itself (record Node(int V, Node? Next)); inside the cycle it adds nothing.
            if (computingMutableParts)
            {
                return false;
            }

            computingMutableParts = true;
            bool result = mutable;
            foreach (var type in fieldTypes)
            {
                result |= type.HasMutableParts;
            }

            foreach (var type in RuntimeTypes)
            {
                result |= type.HasMutableParts;
            }

            computingMutableParts = false;
            hasMutableParts = result;
            return result;
        }
    }

    public override IEnumerable<VType> Parts
    {
        get
        {
            foreach (var type in fieldTypes)
            {
                yield return type;
            }

            foreach (var type in RuntimeTypes)
            {
                yield return type;
            }
        }
    }

    /// <summary>
    /// Whether a value of this type can hold another of it (<c>record Node(int V, Node? Next)</c>), and so nest
    /// without bound: only such values are counted against <see cref="ValueNesting.MaxDepth"/> while walked.
    /// </summary>
    public bool SelfNested => selfNested ??= Reaches(this, new HashSet<VType>());

    private bool Reaches(VType from, HashSet<VType> seen)
    {
        foreach (var part in from.Parts)
        {
            if (part == this || (seen.Add(part) && Reaches(part, seen)))
            {
                return true;
            }
        }

        return false;
    }

    public override Value Default
    {
        get
        {
            if (IsReference)
            {
                return Value.Null;
            }

            if (defaultValue is null)
            {
                var fields = new Value[fieldTypes.Length];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = fieldTypes[i].Default;
                }

                defaultValue = new RecordObject(this, fields);
            }

            return new Value(defaultValue);
        }
    }

    /// <summary>Completes the type; separate from construction so that a record can refer to itself.</summary>
    public void SetFields(string[] names, VType[] types, bool[] printableFields, bool isMutable)
    {
        fieldNames = names;
        fieldTypes = types;
        printable = printableFields;
        mutable = isMutable;
    }

    /// <summary>
    /// A tuple type as declared with element names (<paramref name="names"/>, null where an element has none, or null
    /// when only its elements' types hold names): its values are <paramref name="identity"/>'s; only a trace, which
    /// shows the names, tells the two apart.
    /// </summary>
    public static RecordType NamedTuple(RecordType identity, string name, VType[] elementTypes, string?[]? names)
    {
        var named = new RecordType(RecordKind.Tuple, name, identity.ClrName) { identity = identity, elementNames = names };
        named.SetFields(identity.fieldNames, elementTypes, identity.printable, isMutable: false);
        return named;
    }

    public int IndexOf(string field) => Array.IndexOf(fieldNames, field);

    public override bool Equal(Value a, Value b) => Same(a, b, structural: true);

    public override bool ValueEquals(Value a, Value b) => Same(a, b, structural: false);

    public override long Hash(Value value)
    {
        if (value.Ref is not RecordObject record)
        {
            return Hashing.NullHash;
        }

        if (record.Frozen)
        {
            return record.FrozenHash;
        }

        var type = record.Type;
        using var level = ValueNesting.Enter(type.SelfNested);
        long hash = type.seed;
        for (int i = 0; i < record.Fields.Length; i++)
        {
            hash = Hashing.Combine(hash, type.fieldTypes[i].Hash(record.Fields[i]));
        }

        return hash;
    }

    public override int Compare(Value a, Value b)
    {
        if (a.Ref is not RecordObject x || b.Ref is not RecordObject y)
        {
            return (a.Ref is null ? 0 : 1) - (b.Ref is null ? 0 : 1);
        }

        if (x.Type != y.Type)
        {
            return string.CompareOrdinal(x.Type.ClrName, y.Type.ClrName);
        }

        using var level = ValueNesting.Enter(x.Type.SelfNested);
        for (int i = 0; i < x.Fields.Length; i++)
        {
            int order = x.Type.fieldTypes[i].Compare(x.Fields[i], y.Fields[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    public override Value DeepCopy(Value value)
    {
        if (value.Ref is not RecordObject record || !record.Type.HasMutableParts)
        {
            return value;
        }

        var type = record.Type;
        using var level = ValueNesting.Enter(type.SelfNested);
        var fields = new Value[record.Fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = type.fieldTypes[i].DeepCopy(record.Fields[i]);
        }

        return new Value(new RecordObject(type, fields));
    }

    public override void Freeze(Value value, Freezer freezer)
    {
        if (value.Ref is not RecordObject record)
        {
            return;
        }

        var type = record.Type;
        if (type.mutable ? !freezer.Enter(record) : record.Frozen && !(freezer.Track && type.HasMutableParts))
        {
            return;
        }

        using var level = ValueNesting.Enter(type.SelfNested);
        int deepest = 0;
        for (int i = 0; i < record.Fields.Length; i++)
        {
            var fieldType = type.fieldTypes[i];
            if (fieldType.HasMutableParts || fieldType is RecordType)
            {
                fieldType.Freeze(record.Fields[i], freezer);
            }

            deepest = Math.Max(deepest, ValueNesting.Of(record.Fields[i]));
        }

        if (!record.Frozen)
        {
            record.Freeze(Hash(value), ValueNesting.Above(deepest));
        }
    }

    public override void Format(Value value, StringBuilder text) => Print(value, text, trace: true);

    public override void AppendText(Value value, StringBuilder text) => Print(value, text, trace: false);

    private bool Same(Value a, Value b, bool structural)
    {
        if (ReferenceEquals(a.Ref, b.Ref))
        {
            return true;
        }

        if (a.Ref is not RecordObject x || b.Ref is not RecordObject y || x.Type != y.Type)
        {
            return false;
        }

        if (x.Frozen && y.Frozen && x.FrozenHash != y.FrozenHash)
        {
            return false;
        }

        using var level = ValueNesting.Enter(x.Type.SelfNested);
        var types = x.Type.fieldTypes;
        for (int i = 0; i < types.Length; i++)
        {
            if (structural ? !types[i].Equal(x.Fields[i], y.Fields[i]) : !types[i].ValueEquals(x.Fields[i], y.Fields[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Print(Value value, StringBuilder text, bool trace)
    {
        if (value.Ref is not RecordObject record)
        {
            text.Append(trace ? "null" : string.Empty);
            return;
        }

        var type = record.Type;
        using var level = ValueNesting.Enter(type.SelfNested);
        switch (type.Kind)
        {
            case RecordKind.Tuple:
            case RecordKind.Pair:
                // The values of a tuple declared with element names carry the type without them: the declared one prints.
                var shown = Identity == type ? this : type;
                text.Append(type.Kind == RecordKind.Tuple ? '(' : '[');
                for (int i = 0; i < record.Fields.Length; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    if (trace && shown.elementNames?[i] is { } elementName)
                    {
                        text.Append(elementName).Append(": ");
                    }

                    Member(shown.fieldTypes[i], record.Fields[i], text, trace);
                }

                text.Append(type.Kind == RecordKind.Tuple ? ')' : ']');
                return;
            case RecordKind.Struct when !trace:
                text.Append(type.ClrName);
                return;
        }

        // C# records print "Name { A = 1, B = 2 }", and "Name { }" without members.
        text.Append(type.Kind == RecordKind.Anonymous ? "{" : type.Name + " {");
        bool first = true;
        for (int i = 0; i < record.Fields.Length; i++)
        {
            if (trace || type.printable[i])
            {
                text.Append(first ? " " : ", ").Append(type.fieldNames[i]).Append(" = ");
                Member(type.fieldTypes[i], record.Fields[i], text, trace);
                first = false;
            }
        }

        text.Append(" }");
    }

    private static void Member(VType type, Value value, StringBuilder text, bool trace)
    {
        if (trace)
        {
            type.Format(value, text);
        }
        else
        {
            type.AppendText(value, text);
        }
    }
}
