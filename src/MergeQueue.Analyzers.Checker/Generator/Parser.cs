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

    private Parser(INamedTypeSymbol type, Compilation compilation)
    {
        this.type = type;
        types = new TypeSpecReader(new DerivedRecords(compilation));
    }

    public static ModelSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || !CanExtend(type))
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

    /// <summary>Whether a partial declaration added by the generator compiles: every part partial, top level, not generic.</summary>
    private static bool CanExtend(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class
        && type.ContainingType is null
        && !type.IsGenericType
        && !type.IsAbstract
        && !type.IsStatic
        && !type.IsFileLocal
        && !type.GetMembers("Explore").Any()
        && !type.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
        && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword));

    private ModelSpec? Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = new ModelDiagnostics(type.Name);
        var shape = new ShapeReader(type, new TypeMapper(compilation), diagnostics).Read();
        if (diagnostics.Blocking)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fields = new List<FieldSpec>();
        foreach (var field in shape.Fields)
        {
            int index = types.Read(field.Symbol.Type);
            if (index < 0)
            {
                return null;
            }

            fields.Add(new FieldSpec(field.Name, Identifier(field.Name), index, field.Symbol.IsReadOnly));
        }

        usings = Usings(compilation);
        var (actions, instances) = ReadActions(shape.Actions, compilation);
        var (predicates, properties) = ReadProperties(shape.Properties);
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
            new EquatableArray<InstanceSpec>(instances),
            new EquatableArray<PredicateSpec>(predicates),
            new EquatableArray<PropertySpec>(properties));
    }

    private static int NamedInt(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value && value > 0 ? value : 0;

    /// <summary>A name as code writes it: keywords get an <c>@</c>.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.FieldKeyword
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
