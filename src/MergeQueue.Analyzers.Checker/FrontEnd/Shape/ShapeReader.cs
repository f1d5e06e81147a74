using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Reads a <c>[StateMachine]</c> class into a <see cref="ModelShape"/>: its state fields, the constructor that builds
/// its initial states, actions with their domains, and properties; reports SM0101–SM0115 where the class is not a
/// valid model.
/// </summary>
internal sealed partial class ShapeReader
{
    private readonly INamedTypeSymbol type;
    private readonly TypeMapper types;
    private readonly ModelDiagnostics diagnostics;
    private readonly DomainReader domains;
    private readonly GuardReader? guards;

    public ShapeReader(INamedTypeSymbol type, TypeMapper types, ModelDiagnostics diagnostics)
    {
        this.type = type;
        this.types = types;
        this.diagnostics = diagnostics;
        domains = new DomainReader(types, diagnostics);
        guards = types.Compilation is { } compilation ? new GuardReader(new Purity(compilation, type), compilation) : null;
    }

    public ModelShape Read()
    {
        var location = SourceOrder.Location(type);
        CheckClass(location);
        var fields = ReadFields();
        var members = SourceOrder.Sort(type.GetMembers().Where(m => m is IMethodSymbol or IPropertySymbol)).ToList();
        var actions = ReadActions(members);
        var properties = ReadProperties(members);
        if (actions.Count == 0 && !members.OfType<IMethodSymbol>().Any(HasActionAttribute))
        {
            diagnostics.Error(DiagnosticDescriptors.NoActions, location, type.Name);
        }

        var statics = SourceOrder.Sort(type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsStatic && !f.IsConst)).ToList();
        var (constructor, constructorDomains) = ReadConstructor();
        return new ModelShape(type, location, fields, statics, actions, properties, constructor, constructorDomains, CheckStuck())
        {
            ConstructorGuard = constructor is not null && constructorDomains.Count > 0 && guards is not null ? guards.ConstructorGuard(constructor) : 0,
        };
    }

    private void CheckClass(Location location)
    {
        string? problem = type.IsGenericType ? "is generic"
            : type.IsStatic ? "is static"
            : type.IsAbstract ? "is abstract"
            : type.ContainingType is { IsGenericType: true } ? "is nested in a generic type"
            : type.BaseType is { SpecialType: not SpecialType.System_Object } baseType ? "derives from '" + TypeMapper.Display(baseType) + "'"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(DiagnosticDescriptors.InvalidModelClass, location, type.Name, problem);
        }
    }


    private List<StateField> ReadFields()
    {
        var fields = new List<StateField>();
        foreach (var field in SourceOrder.Sort(type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst)))
        {
            var location = SourceOrder.Location(field);
            string name = field.AssociatedSymbol?.Name ?? field.Name;
            if (field.AssociatedSymbol is IEventSymbol)
            {
                diagnostics.Unsupported(location, "the event '" + name + "'");
                continue;
            }

            if (types.Map(field.Type, out var why) is not { } fieldType || fieldType is Values.Types.OpaqueType)
            {
                why = why.Length > 0 ? why : "the type '" + TypeMapper.Display(field.Type) + "'";
                diagnostics.UnsupportedField(location, "the field '" + name + "' (" + why + ")", why);
                continue;
            }

            fields.Add(new StateField(field, name, fieldType, location));
        }

        return fields;
    }
}
