using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Values;

/// <summary>Maps Roslyn types to interpreter types, once per type per model; says why when it cannot.</summary>
internal sealed class TypeMapper
{
    public static readonly BoolType Bool = new();
    public static readonly StringType String = new();
    public static readonly IntegerType Int32 = new(IntKind.Int32, "int", "System.Int32");

    private readonly Dictionary<ITypeSymbol, VType> cache = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, string> failures = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<RecordType, INamedTypeSymbol> symbols = new();
    private readonly Dictionary<string, RecordType> tuples = new(System.StringComparer.Ordinal);
    private readonly Compilation? compilation;
    private readonly Generator.DerivedRecords? derivedRecords;

    /// <summary>The compilation the model is read from, when there is one.</summary>
    public Compilation? Compilation => compilation;

    /// <summary>
    /// A mapper for one compilation: a record hierarchy or an interface declared in it is mapped with the records of its
    /// source that derive from or implement it. Without one, interfaces are not values.
    /// </summary>
    public TypeMapper(Compilation? compilation = null)
    {
        this.compilation = compilation;
        derivedRecords = compilation is null ? null : new Generator.DerivedRecords(compilation);
    }

    /// <summary>
    /// The type arguments of the generic method being compiled: its type parameters stand for them, so one body is
    /// compiled once per distinct list of type arguments.
    /// </summary>
    public IReadOnlyDictionary<ITypeParameterSymbol, ITypeSymbol>? Substitution { get; set; }

    /// <summary>The declaration a record, struct or interface type was mapped from.</summary>
    public INamedTypeSymbol? SymbolOf(RecordType type) => symbols.TryGetValue(type, out var symbol) ? symbol : null;

    /// <summary>The interpreter type of <paramref name="type"/>, or null with <paramref name="why"/> naming what is not supported.</summary>
    public VType? Map(ITypeSymbol? type, out string why)
    {
        why = string.Empty;
        if (type is null)
        {
            why = "an expression without a type";
            return null;
        }

        if (Substitution is not null)
        {
            type = TypeSubstitution.Apply(type, Substitution, compilation);
        }

        if (cache.TryGetValue(type, out var known))
        {
            return known;
        }

        if (failures.TryGetValue(type, out var failure))
        {
            why = failure;
            return null;
        }

        var mapped = type is INamedTypeSymbol { IsTupleType: true } tuple ? Tuple(tuple, out why) : Create(type, out why);
        if (mapped is null)
        {
            failures[type] = why;
        }

        return mapped;
    }

    public VType? Map(ITypeSymbol? type) => Map(type, out _);

    public static string ClrName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return ClrName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
        }

        string name = KnownSymbols.MetadataName(type);
        return type is INamedTypeSymbol { IsGenericType: true } named
            ? name + "[" + string.Join(",", named.TypeArguments.Select(ClrName)) + "]"
            : name;
    }

    private VType? Create(ITypeSymbol type, out string why)
    {
        why = string.Empty;
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return Remember(type, Bool);
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            return Remember(type, String);
        }

        if (IntKinds.From(type.SpecialType) is { } kind)
        {
            return Remember(type, kind == IntKind.Int32 ? Int32 : new IntegerType(kind, Display(type), ClrName(type)));
        }

        switch (type)
        {
            case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                return Remember(type, CreateEnum(enumType));
            case IArrayTypeSymbol { IsSZArray: true } array:
                return Element(array.ElementType, out why) is { } element ? Remember(type, new ArrayType(element)) : null;
            case IArrayTypeSymbol { Rank: > 1 } multi:
                return Element(multi.ElementType, out why) is { } cell ? Remember(type, new MultiArrayType(cell, multi.Rank)) : null;
            case INamedTypeSymbol named:
                return CreateNamed(named, out why);
            default:
                why = "the type '" + Display(type) + "'";
                return null;
        }
    }

    private VType? CreateNamed(INamedTypeSymbol type, out string why)
    {
        why = string.Empty;
        string metadataName = KnownSymbols.MetadataName(type);
        var arguments = type.TypeArguments;
        switch (metadataName)
        {
            case KnownSymbols.List:
                return Element(arguments[0], out why) is { } listElement ? Remember(type, new ListType(listElement)) : null;
            case KnownSymbols.Queue:
                return Element(arguments[0], out why) is { } queueElement ? Remember(type, new QueueType(queueElement)) : null;
            case KnownSymbols.Stack:
                return Element(arguments[0], out why) is { } stackElement ? Remember(type, new StackType(stackElement)) : null;
            case KnownSymbols.HashSet:
            case "System.Collections.Generic.IReadOnlySet`1":
            case "System.Collections.Generic.ISet`1":
                // Of the types the checker knows, only HashSet<T> implements these interfaces: a value declared as one is a HashSet.
                return Key(type, arguments[0], out why) is { } setElement ? Remember(type, new SetType(setElement)) : null;
            case KnownSymbols.Dictionary:
            case "System.Collections.Generic.IReadOnlyDictionary`2":
            case "System.Collections.Generic.IDictionary`2":
                if (Key(type, arguments[0], out why) is not { } key || Element(arguments[1], out why) is not { } value)
                {
                    return null;
                }

                return Remember(type, new DictionaryType(key, value, Pair(key, value)));
            case "System.Span`1":
            case "System.ReadOnlySpan`1":
                // A span is the array it views: nothing writes through one (element assignments into it are refused).
                return Element(arguments[0], out why) is { } spanElement ? Remember(type, new ArrayType(spanElement)) : null;
            case KnownSymbols.KeyValuePair:
                if (Element(arguments[0], out why) is not { } pairKey || Element(arguments[1], out why) is not { } pairValue)
                {
                    return null;
                }

                return Remember(type, Pair(pairKey, pairValue));
            case "System.Collections.Generic.IEnumerable`1":
            case "System.Linq.IOrderedEnumerable`1":
            case "System.Collections.Generic.IReadOnlyList`1":
            case "System.Collections.Generic.IReadOnlyCollection`1":
            case "System.Collections.Generic.ICollection`1":
            case "System.Collections.Generic.IList`1":
            case "System.Collections.Generic.Dictionary`2+KeyCollection":
            case "System.Collections.Generic.Dictionary`2+ValueCollection":
                var sequenceElement = metadataName switch
                {
                    "System.Collections.Generic.Dictionary`2+KeyCollection" => type.ContainingType.TypeArguments[0],
                    "System.Collections.Generic.Dictionary`2+ValueCollection" => type.ContainingType.TypeArguments[1],
                    _ => arguments[0],
                };
                return Element(sequenceElement, out why) is { } element
                    ? Remember(type, new OpaqueType(Display(type), ClrName(type), element))
                    : null;
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return Remember(type, new OpaqueType(Display(type), ClrName(type), null));
        }

        if (type.IsTupleType || metadataName.StartsWith("System.ValueTuple`", System.StringComparison.Ordinal))
        {
            return CreateRecord(type, RecordKind.Tuple, out why);
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Map(arguments[0], out why) is { } underlying ? Remember(type, new NullableType(underlying)) : null;
        }

        if (type.TypeKind == TypeKind.Class && type.IsRecord)
        {
            return CreateRecord(type, RecordKind.RecordClass, out why);
        }

        if (type.IsAnonymousType)
        {
            return CreateAnonymous(type, out why);
        }

        if (type.TypeKind == TypeKind.Interface && derivedRecords?.Implementers(type) is { Count: > 0 } implementers)
        {
            return CreateInterface(type, implementers, out why);
        }

        if (type.TypeKind == TypeKind.Struct && type.SpecialType == SpecialType.None && type.ContainingNamespace?.ToDisplayString() != "System")
        {
            return CreateRecord(type, type.IsRecord ? RecordKind.RecordStruct : RecordKind.Struct, out why);
        }

        why = type.TypeKind == TypeKind.Class
            ? "the class '" + Display(type) + "' (only records, structs, tuples and the BCL collections are values)"
            : "the type '" + Display(type) + "'";
        return null;
    }

    // Tuples are one type at run time whatever element names they are declared with, at any depth ((int A, int B),
    // ((int X, int), int) and their unnamed forms): the first mapped of a CLR type, without top-level names, is the one
    // its values carry; the others are views of it that only a trace tells apart.
    private VType? Tuple(INamedTypeSymbol tuple, out string why)
    {
        why = string.Empty;
        if (!tuples.TryGetValue(ClrName(tuple), out var identity))
        {
            if (tuple.TupleUnderlyingType is not { } underlying || SymbolEqualityComparer.Default.Equals(underlying, tuple))
            {
                return CreateRecord(tuple, RecordKind.Tuple, out why);
            }

            var mapped = Map(underlying, out why);
            if (mapped is not RecordType unnamed)
            {
                return mapped;
            }

            identity = unnamed.Identity;
        }

        var elements = tuple.TupleElements;
        var types = new VType[elements.Length];
        for (int i = 0; i < elements.Length; i++)
        {
            // Each maps as the identity's element did: the same CLR type, perhaps with other names inside.
            if (elements.Length != identity.FieldTypes.Count || Map(elements[i].Type) is not { } element)
            {
                return identity;
            }

            types[i] = element;
        }

        var names = elements.Select(e => e.IsExplicitlyNamedTupleElement ? e.Name : null).ToArray();
        var view = RecordType.NamedTuple(identity, Display(tuple), types, names.Any(n => n is not null) ? names : null);
        symbols[view] = tuple;
        return Remember(tuple, view);
    }

    private RecordType Pair(VType key, VType value)
    {
        var pair = new RecordType(
            RecordKind.Pair,
            "KeyValuePair<" + key.Name + ", " + value.Name + ">",
            "System.Collections.Generic.KeyValuePair`2[" + key.ClrName + "," + value.ClrName + "]");
        pair.SetFields(new[] { "Key", "Value" }, new[] { key, value }, new[] { true, true }, isMutable: false);
        return pair;
    }

    private RecordType? CreateRecord(INamedTypeSymbol type, RecordKind kind, out string why)
    {
        why = string.Empty;
        var record = new RecordType(kind, kind == RecordKind.Tuple ? Display(type) : type.Name, ClrName(type));
        Remember(type, record);
        symbols[record] = type;
        if (kind == RecordKind.Tuple)
        {
            tuples[record.ClrName] = record;
        }

        var names = new List<string>();
        var types = new List<VType>();
        var printable = new List<bool>();
        bool mutable = false;
        foreach (var field in InstanceFields(type))
        {
            var declared = (ISymbol?)field.AssociatedSymbol ?? field;
            if (Map(field.Type, out var fieldWhy) is not { } fieldType)
            {
                cache.Remove(type);
                tuples.Remove(record.ClrName);
                why = "the type '" + Display(type) + "' (its member '" + declared.Name + "' is " + fieldWhy + ")";
                return null;
            }

            names.Add(kind == RecordKind.Tuple ? "Item" + (names.Count + 1) : declared.Name);
            types.Add(fieldType);
            printable.Add(declared.DeclaredAccessibility == Accessibility.Public);
            mutable |= kind == RecordKind.RecordClass && !field.IsReadOnly;
        }

        record.SetFields(names.ToArray(), types.ToArray(), printable.ToArray(), mutable);
        var deconstruct = type.GetMembers("Deconstruct").OfType<IMethodSymbol>().FirstOrDefault(m => m.IsImplicitlyDeclared);
        if (deconstruct is not null && deconstruct.Parameters.Select(p => p.Name).SequenceEqual(names.Take(deconstruct.Parameters.Length)))
        {
            record.PositionalCount = deconstruct.Parameters.Length;
        }

        if (kind == RecordKind.RecordClass && type.BaseType is { IsRecord: true } baseRecord)
        {
            record.Base = Map(baseRecord) as RecordType;
        }

        // A value declared as this record may be any record derived from it.
        if (kind == RecordKind.RecordClass && derivedRecords is not null)
        {
            var derived = new List<RecordType>();
            foreach (var symbol in derivedRecords.Of(type))
            {
                if (Map(symbol, out var derivedWhy) is not RecordType derivedType)
                {
                    cache.Remove(type);
                    why = "the type '" + Display(type) + "' (its derived record '" + symbol.Name + "' is " + derivedWhy + ")";
                    return null;
                }

                derived.Add(derivedType);
            }

            record.SetRuntimeTypes(derived, isInterface: false);
        }

        return record;
    }

    // An anonymous type's members are its read-only properties, in the order they are written.
    private RecordType? CreateAnonymous(INamedTypeSymbol type, out string why)
    {
        why = string.Empty;
        var record = new RecordType(RecordKind.Anonymous, Display(type), ClrName(type));
        Remember(type, record);
        symbols[record] = type;
        var properties = type.GetMembers().OfType<IPropertySymbol>().ToList();
        var types = new VType[properties.Count];
        for (int i = 0; i < properties.Count; i++)
        {
            if (Map(properties[i].Type, out var memberWhy) is not { } memberType)
            {
                cache.Remove(type);
                why = "the anonymous type '" + Display(type) + "' (its member '" + properties[i].Name + "' is " + memberWhy + ")";
                return null;
            }

            types[i] = memberType;
        }

        record.SetFields(properties.Select(p => p.Name).ToArray(), types, properties.Select(_ => true).ToArray(), isMutable: false);
        return record;
    }

    // An interface implemented only by records of the compilation holds one of them: compared, hashed and printed by
    // its runtime type, as a base record is; it has no stored members of its own.
    private RecordType? CreateInterface(INamedTypeSymbol type, IReadOnlyList<INamedTypeSymbol> implementers, out string why)
    {
        why = string.Empty;
        if (implementers.FirstOrDefault(t => !(t.IsRecord && t.TypeKind == TypeKind.Class)) is { } other)
        {
            why = "the interface '" + Display(type) + "' (it is implemented by '" + other.Name + "', which is not a record class)";
            return null;
        }

        var record = new RecordType(RecordKind.RecordClass, type.Name, ClrName(type));
        Remember(type, record);
        symbols[record] = type;
        record.SetFields(new string[0], new VType[0], new bool[0], isMutable: false);
        var runtimeTypes = new List<RecordType>();
        foreach (var implementer in implementers)
        {
            if (Map(implementer, out var implementerWhy) is not RecordType implementation)
            {
                cache.Remove(type);
                why = "the interface '" + Display(type) + "' (its implementation '" + implementer.Name + "' is " + implementerWhy + ")";
                return null;
            }

            runtimeTypes.Add(implementation);
        }

        record.SetRuntimeTypes(runtimeTypes, isInterface: true);
        return record;
    }

    /// <summary>A type's instance fields, base type's first, each in declaration order.</summary>
    public static IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type)
    {
        if (type.IsTupleType)
        {
            return type.TupleElements;
        }

        var own = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst);
        return type.BaseType is { IsRecord: true } baseRecord && type.TypeKind == TypeKind.Class
            ? InstanceFields(baseRecord).Concat(own)
            : own;
    }

    private VType? Element(ITypeSymbol type, out string why) => Map(type, out why);

    // .NET's sets and dictionaries hash mutable collections by reference, which a state cannot keep.
    private VType? Key(INamedTypeSymbol collection, ITypeSymbol type, out string why)
    {
        if (Map(type, out why) is not { } key)
        {
            return null;
        }

        if (key.HasMutableParts || key is OpaqueType)
        {
            why = "the type '" + Display(collection) + "' (its keys compare by reference)";
            return null;
        }

        return key;
    }

    private static EnumType CreateEnum(INamedTypeSymbol type)
    {
        var underlying = IntKinds.From(type.EnumUnderlyingType?.SpecialType ?? SpecialType.System_Int32) ?? IntKind.Int32;
        var members = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && f.ConstantValue is not null)
            .Select(f => (f.Name, IntKinds.FromConstant(f.ConstantValue!)))
            .ToList();
        bool isFlags = type.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, "System.FlagsAttribute"));
        return new EnumType(type.Name, ClrName(type), underlying, members, isFlags);
    }

    private VType Remember(ITypeSymbol type, VType mapped)
    {
        cache[type] = mapped;
        return mapped;
    }

    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
