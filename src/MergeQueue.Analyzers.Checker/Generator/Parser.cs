using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MergeQueue.Analyzers.FrontEnd;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Reads a <c>[StateMachine]</c> class into a <see cref="ModelSpec"/>. The actions, domains and properties come
/// from the front end's <see cref="ShapeReader"/>, so the generated explorer has the analyzer's action instances,
/// argument text and fairness groups by construction. Null when the class is not a model the generator can emit:
/// the analyzer reports why.
/// </summary>
internal sealed partial class Parser
{
    private readonly INamedTypeSymbol type;
    private readonly TypeSpecReader types;

    /// <summary>How the names of the files the generator adds end.</summary>
    internal const string GeneratedFileSuffix = ".Explore.g.cs";

    /// <summary>How the names of the files with a model's conformance members end.</summary>
    internal const string ConformanceFileSuffix = ".Conformance.g.cs";

    // Why Read gave no model, when the shape itself was valid.
    private string? failure;

    private Parser(INamedTypeSymbol type, Compilation compilation)
    {
        this.type = type;
        types = new TypeSpecReader(new DerivedRecords(compilation));
    }

    public static ModelSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || !CanExtend(type)
            || CompilerErrors.BeforeGeneration(type, context.SemanticModel.Compilation, cancellationToken))
        {
            return null;
        }

        try
        {
            return new Parser(type, context.SemanticModel.Compilation).Read(context.SemanticModel.Compilation, cancellationToken);
        }
        catch (System.Exception failure) when (failure is not System.OperationCanceledException)
        {
            // A class the parser mishandles gets no Explore(); the generator must never fail the build.
            return null;
        }
    }

    /// <summary>
    /// Why no <c>Explore()</c> is generated for a model whose shape is valid, with what to change; null when one is.
    /// The analyzer reports it (SM0112): the generator reports nothing.
    /// </summary>
    public static string? WhyNotGenerated(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (NotExtendable(type) is { } reason)
        {
            return reason;
        }

        try
        {
            var parser = new Parser(type, compilation);
            return parser.Read(compilation, cancellationToken) is null ? parser.failure : null;
        }
        catch (System.Exception failure) when (failure is not System.OperationCanceledException)
        {
            return "the generator failed on it (" + failure.GetType().Name + ": " + failure.Message + ")";
        }
    }

    /// <summary>Why a partial declaration added by the generator would not compile; null when it would (not partial is SM0111's).</summary>
    private static string? NotExtendable(INamedTypeSymbol type) =>
        type.TypeKind != TypeKind.Class ? "it is not a class"
        : type.ContainingType is not null ? "it is nested in '" + type.ContainingType.Name + "'; declare it at namespace level"
        : type.IsGenericType ? "it is generic"
        : type.IsAbstract ? "it is abstract"
        : type.IsStatic ? "it is static"
        : type.IsFileLocal ? "it is file-local; make it internal"
        : type.GetMembers("Explore").Any(m => !IsGenerated(m)) ? "it declares a member named 'Explore' already; rename that member"
        : type.GetMembers().FirstOrDefault(m => m.Name.StartsWith("__MergeQueue", System.StringComparison.Ordinal) && !IsGenerated(m)) is { } reserved
            ? "it declares a member named '" + reserved.Name + "', a name the generated code uses; rename that member"
        : type.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }) ? "it has required members, which the generated explorer cannot set; give them initializers instead"
        : null;

    /// <summary>Whether a member comes from this generator's own output, which the analyzer's compilation includes.</summary>
    private static bool IsGenerated(ISymbol member) =>
        member.DeclaringSyntaxReferences.All(r => FrontEnd.GeneratedFiles.IsOwn(r.SyntaxTree));

    private static bool CanExtend(INamedTypeSymbol type) =>
        NotExtendable(type) is null
        && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword));

    private ModelSpec? Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = new ModelDiagnostics(type.Name);
        var shape = new ShapeReader(type, new TypeMapper(compilation), diagnostics).Read();
        if (HasPrimaryConstructorParameters())
        {
            failure = "its primary constructor has parameters, which the generated explorer cannot pass; declare fields and a constructor instead";
            return null;
        }

        if (diagnostics.Blocking)
        {
            // A primary constructor with parameters leaves the generated copy constructor nothing to chain to.
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fields = new List<FieldSpec>();
        foreach (var field in shape.Fields)
        {
            int index = types.Read(field.Symbol.Type);
            if (index < 0)
            {
                failure = "the field '" + field.Name + "' holds " + types.Refused + ", which the generated explorer cannot copy and compare yet";
                return null;
            }

            fields.Add(new FieldSpec(field.Name, Identifier(field.Name), index, field.Symbol.IsReadOnly));
        }

        usings = Usings(compilation);
        var actions = ReadActions(shape.Actions, compilation);
        var (predicates, properties) = ReadProperties(shape.Properties);
        var initials = shape.ConstructorDomains
            .Select(d => new InitialSpec(
                d.Parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                new EquatableArray<string>(Enumerable.Range(0, d.Values.Count).Select(v => Literal(d, v))),
                new EquatableArray<string>(Enumerable.Range(0, d.Values.Count).Select(d.Display))))
            .ToList();
        var attribute = type.GetAttributes().FirstOrDefault(a => KnownSymbols.IsAttribute(a, KnownSymbols.StateMachine));
        return new ModelSpec(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            type.Name,
            type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax { ParameterList: not null }),
            type.InstanceConstructors.All(c => c.IsImplicitlyDeclared),
            usings ?? new UsingsSpec(default, default),
            NamedInt(attribute, "MaxStates"),
            NamedInt(attribute, "MaxDepth"),
            new EquatableArray<FieldSpec>(fields),
            types.ToArray(),
            new EquatableArray<ActionSpec>(actions),
            new EquatableArray<PredicateSpec>(predicates),
            new EquatableArray<PropertySpec>(properties),
            shape.CheckStuck,
            new EquatableArray<InitialSpec>(initials))
        {
            ConformanceAccess = ConformanceMemberNames.Any(name => type.GetMembers(name).Any(m => !IsGenerated(m)))
                ? null
                : ConformanceAccessFor(shape.Fields.Select(f => f.Symbol.Type).Concat(shape.Actions.SelectMany(a => a.Method.Parameters.Select(p => p.Type)))),
            HelperGuards = new EquatableArray<HelperGuardSpec>(helperGuards),
            RunCopies = new EquatableArray<RunCopySpec>(runCopies),
            InitialGuard = InitialGuard(shape, compilation),
            StepsMayShare = StepSharing.MayShare(compilation, type),
        };
    }

    /// <summary>
    /// <c>public</c> when every type the driver interface and the snapshot show is public, <c>internal</c> when some is
    /// internal (a public member of such a type would not compile), null when some is private to a class.
    /// </summary>
    private static string? ConformanceAccessFor(IEnumerable<ITypeSymbol> shown)
    {
        string access = "public";
        foreach (var shownType in shown)
        {
            switch (Visibility(shownType))
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                    access = "internal";
                    break;
                default:
                    return null;
            }
        }

        return access;
    }

    private static Accessibility Visibility(ITypeSymbol shown)
    {
        switch (shown)
        {
            case IArrayTypeSymbol array:
                return Visibility(array.ElementType);
            case INamedTypeSymbol named:
                var least = Accessibility.Public;
                for (INamedTypeSymbol? at = named; at is not null; at = at.ContainingType)
                {
                    least = Least(least, at.DeclaredAccessibility);
                }

                foreach (var argument in named.TypeArguments)
                {
                    least = Least(least, Visibility(argument));
                }

                return least;
            default:
                return Accessibility.Public;
        }
    }

    private static Accessibility Least(Accessibility a, Accessibility b) =>
        a == Accessibility.Public ? b
        : b == Accessibility.Public ? a
        : a == Accessibility.Internal && b == Accessibility.Internal ? Accessibility.Internal
        : Accessibility.Private;

    /// <summary>The members the conformance part adds to the model class.</summary>
    internal static readonly string[] ConformanceMemberNames = { "IDriver", "Snapshot", "CheckConformance", "ValidateTrace" };

    private bool HasPrimaryConstructorParameters() =>
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ClassDeclarationSyntax { ParameterList.Parameters.Count: > 0 });

    private static int NamedInt(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value && value > 0 ? value : 0;

    /// <summary>A name as code writes it: keywords get an <c>@</c>.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>A domain value as a C# expression of the parameter's type.</summary>
    private static string Literal(ParameterDomain domain, int index)
    {
        var value = domain.Values[index];
        string typeName = domain.Parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return domain.Type switch
        {
            BoolType => value.Bool ? "true" : "false",
            StringType => SymbolDisplay.FormatLiteral((string)value.Ref!, quote: true),
            IntegerType { Kind: IntKind.Char } => SymbolDisplay.FormatLiteral((char)value.Bits, quote: true),
            IntegerType { Kind: IntKind.UInt64 } => "unchecked((" + typeName + ")" + ((ulong)value.Bits).ToString(CultureInfo.InvariantCulture) + "UL)",
            _ => "unchecked((" + typeName + ")(" + value.Bits.ToString(CultureInfo.InvariantCulture) + "L))",
        };
    }
}
