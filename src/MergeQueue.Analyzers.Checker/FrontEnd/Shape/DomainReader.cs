using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>Reads the domain of each parameter of an action, property or initial constructor (SPEC §1, §2 "Steps").</summary>
internal sealed class DomainReader(TypeMapper types, ModelDiagnostics diagnostics)
{
    private const int MaxValues = 100_000;

    /// <summary>
    /// The most combinations of argument values one member may have: each is an action instance (or initial state, or
    /// property instance) the checker lists before exploring, and runs in every state. TLA+ models of the corpus take
    /// up to 295,245 initial states (MCBinarySearch); 9 million instances ran the compiler out of memory.
    /// </summary>
    public const int MaxCombinations = 1_000_000;

    /// <summary>The domains of <paramref name="method"/>'s parameters, or null after reporting why there is none.</summary>
    public IReadOnlyList<ParameterDomain>? Read(IMethodSymbol method, bool allowProcess)
    {
        var domains = new List<ParameterDomain>();
        bool ok = true;
        foreach (var parameter in method.Parameters)
        {
            if (Read(parameter, method, allowProcess) is { } domain)
            {
                domains.Add(domain);
            }
            else
            {
                ok = false;
            }
        }

        return ok && Countable(domains, method) ? domains : null;
    }

    // Checked on the domains' sizes before any combination is listed: 3,000 x 3,000 values would be 9 million.
    private bool Countable(List<ParameterDomain> domains, IMethodSymbol method)
    {
        long combinations = 1;
        foreach (var domain in domains)
        {
            combinations *= domain.Values.Count;
            if (combinations > MaxCombinations)
            {
                double total = domains.Aggregate(1.0, (product, d) => product * d.Values.Count);
                diagnostics.Error(
                    DiagnosticDescriptors.TooManyInstances,
                    SourceOrder.Location(domain.Parameter),
                    NameOf(method),
                    total.ToString("N0", CultureInfo.InvariantCulture),
                    string.Join(" x ", domains.Select(d => d.Values.Count.ToString("N0", CultureInfo.InvariantCulture))),
                    MaxCombinations.ToString("N0", CultureInfo.InvariantCulture));
                return false;
            }
        }

        return true;
    }

    private ParameterDomain? Read(IParameterSymbol parameter, IMethodSymbol method, bool allowProcess)
    {
        var location = SourceOrder.Location(parameter);
        var attributes = parameter.GetAttributes();
        var range = attributes.FirstOrDefault(a => KnownSymbols.IsAttribute(a, KnownSymbols.Range));
        var values = attributes.FirstOrDefault(a => KnownSymbols.IsAttribute(a, KnownSymbols.Values));
        bool isProcess = attributes.Any(a => KnownSymbols.IsAttribute(a, KnownSymbols.Process));
        if (isProcess && !allowProcess)
        {
            diagnostics.Error(
                DiagnosticDescriptors.InvalidMember,
                location,
                "Process",
                parameter.Name,
                method.MethodKind == MethodKind.Constructor
                    ? "[Process] marks a parameter of an [Action]; every combination of the constructor's arguments is an initial state anyway"
                    : "[Process] marks a parameter of an [Action]; a property is checked for every value anyway");
            return null;
        }

        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, "Action", NameOf(method), "parameter '" + parameter.Name + "' must be a plain value parameter (no ref, out, in or params)");
            return null;
        }

        var type = types.Map(parameter.Type);
        if (type is not (IntegerType or BoolType or EnumType or StringType))
        {
            Invalid(parameter, method, "a parameter of type '" + TypeMapper.Display(parameter.Type) + "' cannot have a domain; use bool, an enum, an integer type, char or string");
            return null;
        }

        if (range is not null && values is not null)
        {
            Invalid(parameter, method, "use [Range] or [Values], not both");
            return null;
        }

        List<Value>? domain = range is not null ? FromRange(range, parameter, method, type)
            : values is not null ? FromValues(values, parameter, method, type)
            : Implicit(parameter, method, type);
        return domain is null ? null : new ParameterDomain(parameter, type, domain, isProcess);
    }

    private List<Value>? Implicit(IParameterSymbol parameter, IMethodSymbol method, VType type)
    {
        switch (type)
        {
            case BoolType:
                return new List<Value> { Value.False, Value.True };
            case EnumType enumType:
                var distinct = enumType.Members.Select(m => m.Bits).Distinct().Select(b => new Value(b)).ToList();
                if (distinct.Count == 0)
                {
                    diagnostics.Error(DiagnosticDescriptors.EmptyDomain, SourceOrder.Location(parameter), parameter.Name, NameOf(method), "enum '" + enumType.Name + "' has no members");
                    return null;
                }

                return distinct;
            default:
                diagnostics.Error(DiagnosticDescriptors.ParameterWithoutDomain, SourceOrder.Location(parameter), parameter.Name, NameOf(method));
                return null;
        }
    }

    private List<Value>? FromRange(AttributeData range, IParameterSymbol parameter, IMethodSymbol method, VType type)
    {
        if (type is not IntegerType { Kind: var kind } || kind == IntKind.Char)
        {
            Invalid(parameter, method, "[Range] needs an integer parameter; use [Values(...)] for '" + type.Name + "'");
            return null;
        }

        if (range.ConstructorArguments.Length != 2
            || range.ConstructorArguments[0].Value is not long min
            || range.ConstructorArguments[1].Value is not long max)
        {
            Invalid(parameter, method, "[Range] needs two constant bounds");
            return null;
        }

        string text = "Range(" + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + ")";
        if (min > max)
        {
            diagnostics.Error(DiagnosticDescriptors.EmptyDomain, SourceOrder.Location(range, parameter), parameter.Name, NameOf(method), text);
            return null;
        }

        if (!IntKinds.Fits(IntKind.Int64, min, kind) || !IntKinds.Fits(IntKind.Int64, max, kind))
        {
            Invalid(parameter, method, text + " does not fit in " + type.Name);
            return null;
        }

        if (max - min >= MaxValues || max - min < 0)
        {
            Invalid(parameter, method, text + " has more than " + MaxValues.ToString(CultureInfo.InvariantCulture) + " values");
            return null;
        }

        var domain = new List<Value>();
        for (long v = min; v <= max; v++)
        {
            domain.Add(new Value(v));
        }

        return domain;
    }

    private List<Value>? FromValues(AttributeData values, IParameterSymbol parameter, IMethodSymbol method, VType type)
    {
        var constants = values.ConstructorArguments.Length == 1 && values.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? values.ConstructorArguments[0].Values
            : values.ConstructorArguments;
        if (constants.IsDefaultOrEmpty)
        {
            diagnostics.Error(DiagnosticDescriptors.EmptyDomain, SourceOrder.Location(values, parameter), parameter.Name, NameOf(method), "[Values()]");
            return null;
        }

        var domain = new List<Value>();
        foreach (var constant in constants)
        {
            if (Convert(constant, type) is not { } value)
            {
                Invalid(parameter, method, "the value " + Show(constant) + " is not a " + type.Name);
                return null;
            }

            if (domain.Any(v => type.Equal(v, value)))
            {
                Invalid(parameter, method, "the value " + Show(constant) + " appears twice");
                return null;
            }

            domain.Add(value);
        }

        return domain;
    }

    private static Value? Convert(TypedConstant constant, VType type)
    {
        if (constant.IsNull || constant.Kind == TypedConstantKind.Array || constant.Kind == TypedConstantKind.Type)
        {
            return null;
        }

        var value = constant.Value!;
        switch (type)
        {
            case BoolType:
                return value is bool b ? Value.Of(b) : null;
            case StringType:
                return value is string s ? new Value(s) : null;
            case EnumType enumType:
                return constant.Kind == TypedConstantKind.Enum && TypeMapper.ClrName(constant.Type!) == enumType.ClrName
                    ? new Value(IntKinds.FromConstant(value))
                    : null;
            case IntegerType { Kind: IntKind.Char }:
                return value is char c ? new Value(c) : null;
            case IntegerType integer:
                if (constant.Kind != TypedConstantKind.Primitive || value is bool or string or char or float or double or decimal)
                {
                    return null;
                }

                var source = IntKinds.From(constant.Type!.SpecialType) ?? IntKind.Int64;
                long bits = IntKinds.FromConstant(value);
                return IntKinds.Fits(source, bits, integer.Kind) ? new Value(bits) : null;
            default:
                return null;
        }
    }

    private static string Show(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Primitive when constant.Value is string s => Engine.LiteralText.Quote(s),
        TypedConstantKind.Primitive when constant.Value is bool b => b ? "true" : "false",
        TypedConstantKind.Primitive or TypedConstantKind.Enum => System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? "null",
        _ => constant.IsNull ? "null" : constant.Type?.ToDisplayString() ?? "?",
    };

    // Messages name a constructor after its class, as C# code calls it.
    private static string NameOf(IMethodSymbol method) => method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;

    private void Invalid(IParameterSymbol parameter, IMethodSymbol method, string why) =>
        diagnostics.Error(DiagnosticDescriptors.InvalidDomain, SourceOrder.Location(parameter), parameter.Name, NameOf(method), why);
}
