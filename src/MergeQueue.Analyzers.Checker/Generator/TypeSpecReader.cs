using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Turns the types of state fields into <see cref="TypeSpec"/>s, one per distinct type; -1 for a type the
/// generated code cannot copy, compare or print the way the front end does (the model then gets no Explore()).
/// </summary>
internal sealed class TypeSpecReader
{
    private readonly List<TypeSpec?> specs = new();
    private readonly Dictionary<ITypeSymbol, int> indexes = new(SymbolEqualityComparer.Default);
    private readonly DerivedRecords derivedRecords;

    public TypeSpecReader(DerivedRecords derivedRecords) => this.derivedRecords = derivedRecords;

    public EquatableArray<TypeSpec> ToArray() => new(specs.Select(s => s!));

    /// <summary>The innermost type <see cref="Read"/> could not take, as a message names it.</summary>
    public string? Refused { get; private set; }

    public int Read(ITypeSymbol type)
    {
        // A tuple declared with element names is a type of its own here, for its trace text alone.
        if (indexes.TryGetValue(type, out int known))
        {
            return known;
        }

        // Reserved first: a record may contain itself.
        int index = specs.Count;
        specs.Add(null);
        indexes.Add(type, index);
        var spec = Create(type);
        if (spec is null)
        {
            Refused ??= "the type '" + TypeMapper.Display(type) + "'";
            return -1;
        }

        specs[index] = spec;
        return index;
    }

    private TypeSpec? Create(ITypeSymbol type)
    {
        string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return Scalar(ValueKind.Bool, name);
            case SpecialType.System_String:
                return Scalar(ValueKind.String, name);
            case SpecialType.System_Char:
                return Scalar(ValueKind.Char, name);
            case SpecialType.System_UInt64:
                return Scalar(ValueKind.UnsignedLong, name);
            case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64:
                return Scalar(ValueKind.Integer, name);
        }

        return type switch
        {
            INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType => Enum(enumType, name),
            IArrayTypeSymbol { IsSZArray: true } array => Collection(ValueKind.Array, name, array.ElementType),
            IArrayTypeSymbol { Rank: > 1 } multi => Collection(ValueKind.MultiArray, name, multi.ElementType) is { } spec ? spec with { Rank = multi.Rank } : null,
            INamedTypeSymbol named => Named(named, name),
            _ => null,
        };
    }

    private TypeSpec? Named(INamedTypeSymbol type, string name)
    {
        var arguments = type.TypeArguments;
        switch (KnownSymbols.MetadataName(type))
        {
            case KnownSymbols.List:
                return Collection(ValueKind.List, name, arguments[0]);
            case KnownSymbols.Queue:
                return Collection(ValueKind.Queue, name, arguments[0]);
            case KnownSymbols.Stack:
                return Collection(ValueKind.Stack, name, arguments[0]);
            case KnownSymbols.HashSet:
                return Collection(ValueKind.Set, name, arguments[0]);
            case "System.Collections.Generic.IReadOnlySet`1":
            case "System.Collections.Generic.ISet`1":
                return Collection(ValueKind.Set, name, arguments[0]) is { } view
                    ? view with { Concrete = "global::System.Collections.Generic.HashSet<" + arguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ">" }
                    : null;
            case KnownSymbols.Dictionary:
                int key = Read(arguments[0]);
                int value = Read(arguments[1]);
                return key < 0 || value < 0 ? null : Spec(ValueKind.Dictionary, name, string.Empty, new[] { key, value }, new string[0], needsCopy: true);
        }

        if (type.IsTupleType)
        {
            return Tuple(type, name);
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            // A tuple holding a collection would need a copy through the nullable: not written (the model gets no Explore()).
            int underlying = Read(arguments[0]);
            return underlying < 0 || specs[underlying]!.NeedsCopy ? null : Spec(ValueKind.Nullable, name, string.Empty, new[] { underlying }, new string[0], needsCopy: false);
        }

        if (type.TypeKind == TypeKind.Class && type.IsRecord)
        {
            return RecordClass(type, name);
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return Interface(type, name);
        }

        if (type.TypeKind == TypeKind.Struct && type.SpecialType == SpecialType.None
            && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && type.ContainingNamespace?.ToDisplayString() != "System")
        {
            return Record(type, name, ValueKind.Struct);
        }

        return null;
    }

    private TypeSpec? Collection(ValueKind kind, string name, ITypeSymbol element)
    {
        int index = Read(element);
        return index < 0 ? null : Spec(kind, name, string.Empty, new[] { index }, new string[0], needsCopy: true);
    }

    private TypeSpec? Tuple(INamedTypeSymbol type, string name)
    {
        var elements = type.TupleElements;
        if (elements.Length > 7)
        {
            return null;
        }

        var parts = elements.Select(e => Read(e.Type)).ToArray();
        if (parts.Any(p => p < 0))
        {
            return null;
        }

        var spec = Spec(ValueKind.Tuple, name, string.Empty, parts, elements.Select((_, i) => "Item" + (i + 1)).ToArray(), parts.Any(p => specs[p]?.NeedsCopy ?? false));
        return elements.Any(e => e.IsExplicitlyNamedTupleElement)
            ? spec with { ElementNames = new EquatableArray<string>(elements.Select(e => e.IsExplicitlyNamedTupleElement ? e.Name : string.Empty)) }
            : spec;
    }

    // A field declared as a base record holds any record derived from it: each runtime type keeps its own members.
    private TypeSpec? RecordClass(INamedTypeSymbol type, string name)
    {
        var own = Record(type, name, ValueKind.RecordClass);
        var derived = derivedRecords.Of(type);
        if (own is null || derived.Count == 0)
        {
            return own;
        }

        var indexes = new List<int>();
        bool needsCopy = own.NeedsCopy;
        foreach (var record in derived)
        {
            int index = Read(record);
            if (index < 0)
            {
                return null;
            }

            indexes.Add(index);
            needsCopy |= specs[index]!.NeedsCopy;
        }

        var order = indexes.Prepend(this.indexes[type])
            .Zip(derived.Prepend(type), (index, symbol) => (Index: index, Clr: TypeMapper.ClrName(symbol)))
            .OrderBy(p => p.Clr, System.StringComparer.Ordinal)
            .Select(p => p.Index);
        return own with { NeedsCopy = needsCopy, Derived = new EquatableArray<int>(indexes), RuntimeOrder = new EquatableArray<int>(order) };
    }

    // An interface implemented only by records holds one of them, as a base record without members of its own does
    // (the front end maps it the same way). Copying one would need its runtime type: refused when any needs a copy.
    private TypeSpec? Interface(INamedTypeSymbol type, string name)
    {
        var implementers = derivedRecords.Implementers(type);
        if (implementers.Count == 0 || implementers.Any(t => !(t.IsRecord && t.TypeKind == TypeKind.Class)))
        {
            return null;
        }

        var indexes = new List<int>();
        foreach (var record in implementers)
        {
            int index = Read(record);
            if (index < 0 || specs[index]!.NeedsCopy)
            {
                return null;
            }

            indexes.Add(index);
        }

        var order = indexes
            .Zip(implementers, (index, symbol) => (Index: index, Clr: TypeMapper.ClrName(symbol)))
            .OrderBy(p => p.Clr, System.StringComparer.Ordinal)
            .Select(p => p.Index);
        return Spec(ValueKind.RecordClass, name, type.Name, new int[0], new string[0], needsCopy: false)
            with { Derived = new EquatableArray<int>(indexes), RuntimeOrder = new EquatableArray<int>(order) };
    }

    // Records and structs hold values only: a collection inside one would need a constructor the generator cannot
    // assume. Their members are read by name, so each must be accessible from the model class.
    private TypeSpec? Record(INamedTypeSymbol type, string name, ValueKind kind)
    {
        var members = new List<string>();
        var memberTypes = new List<ITypeSymbol>();
        var parts = new List<int>();
        bool settable = false;
        bool assignable = true;
        bool initializable = true;
        foreach (var field in TypeMapper.InstanceFields(type))
        {
            var declared = (ISymbol?)field.AssociatedSymbol ?? field;
            if (declared.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal)
                || declared is IPropertySymbol { GetMethod: null or { DeclaredAccessibility: not (Accessibility.Public or Accessibility.Internal) } })
            {
                return null;
            }

            int part = Read(field.Type);
            if (part < 0 || (specs[part] is { NeedsCopy: true }))
            {
                return null;
            }

            members.Add(declared.Name);
            memberTypes.Add(field.Type);
            parts.Add(part);
            settable |= !field.IsReadOnly;
            var setter = declared is IPropertySymbol property ? property.SetMethod : null;
            bool canSet = declared is IPropertySymbol
                ? setter is { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal }
                : !field.IsReadOnly;
            initializable &= canSet;
            assignable &= canSet && setter is not { IsInitOnly: true };
        }

        // A member declared again by a derived record has two backing fields under one name: no initializer sets both.
        if (members.Distinct().Count() != members.Count)
        {
            initializable = assignable = false;
        }

        // A record class is built anew rather than copied from an instance met before: a shard of a cluster decodes
        // states its process never encoded.
        var constructor = ConstructorOrder(type, members, memberTypes);
        var rebuild = kind == ValueKind.Struct && assignable ? RebuildKind.Assign
            : kind == ValueKind.RecordClass && type.IsAbstract ? RebuildKind.Abstract
            : kind == ValueKind.RecordClass && initializable && HasParameterlessConstructor(type) ? RebuildKind.Initialize
            : kind == ValueKind.RecordClass && constructor is not null ? RebuildKind.Construct
            : (kind == ValueKind.RecordClass || type.IsRecord) && initializable ? RebuildKind.With
            : constructor is not null ? RebuildKind.Construct
            : RebuildKind.None;
        return Spec(kind, name, type.Name, parts.ToArray(), members.ToArray(), needsCopy: kind == ValueKind.RecordClass && settable)
            with { Rebuild = rebuild, ConstructorOrder = rebuild == RebuildKind.Construct ? new EquatableArray<int>(constructor!) : default };
    }

    private static bool HasParameterlessConstructor(INamedTypeSymbol type) =>
        !type.IsAbstract && type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && IsVisible(c));

    /// <summary>
    /// A constructor that takes one value per member, as the index of the member each parameter takes: matched by name
    /// (ignoring case, as a positional record or <c>Edge(Node a, Node b) =&gt; (A, B) = (a, b)</c> names them), else by
    /// type in declaration order. Null when there is none. Generated code checks that what it builds gives the values
    /// back, since a constructor may compute members from its arguments.
    /// </summary>
    private static int[]? ConstructorOrder(INamedTypeSymbol type, IReadOnlyList<string> members, IReadOnlyList<ITypeSymbol> memberTypes)
    {
        if (type.IsAbstract || members.Count == 0)
        {
            return null;
        }

        var candidates = type.InstanceConstructors.Where(c => c.Parameters.Length == members.Count && IsVisible(c)).ToList();
        foreach (var constructor in candidates)
        {
            var order = constructor.Parameters
                .Select(p => Enumerable.Range(0, members.Count).Where(m => string.Equals(members[m], p.Name, System.StringComparison.OrdinalIgnoreCase)).DefaultIfEmpty(-1).First())
                .ToArray();
            if (order.All(m => m >= 0) && order.Distinct().Count() == order.Length
                && order.Select((m, p) => SymbolEqualityComparer.Default.Equals(memberTypes[m], constructor.Parameters[p].Type)).All(same => same))
            {
                return order;
            }
        }

        return candidates
            .Where(c => c.Parameters.Select((p, i) => SymbolEqualityComparer.Default.Equals(memberTypes[i], p.Type)).All(same => same))
            .Select(_ => Enumerable.Range(0, members.Count).ToArray())
            .FirstOrDefault();
    }

    private static bool IsVisible(IMethodSymbol constructor) =>
        constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
        && !constructor.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams);

    private static TypeSpec Enum(INamedTypeSymbol type, string name)
    {
        var seen = new HashSet<object>();
        var cases = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue && f.ConstantValue is not null && seen.Add(f.ConstantValue))
            .Select(f => f.Name);
        return Spec(ValueKind.Enum, name, type.Name, new int[0], new string[0], needsCopy: false) with { EnumCases = new EquatableArray<string>(cases) };
    }

    private static TypeSpec Scalar(ValueKind kind, string name) => Spec(kind, name, string.Empty, new int[0], new string[0], needsCopy: false);

    private static TypeSpec Spec(ValueKind kind, string name, string display, int[] parts, string[] members, bool needsCopy) =>
        new(kind, name, display, new EquatableArray<int>(parts), new EquatableArray<string>(members), default, needsCopy);
}
