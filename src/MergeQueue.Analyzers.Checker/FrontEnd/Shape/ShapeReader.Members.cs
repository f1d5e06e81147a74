using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>Actions and properties.</summary>
internal sealed partial class ShapeReader
{
    private static readonly (string Attribute, string Name, PropertyKind Kind)[] PropertyAttributes =
    {
        (KnownSymbols.Invariant, "Invariant", PropertyKind.Invariant),
        (KnownSymbols.Terminal, "Terminal", PropertyKind.Terminal),
        (KnownSymbols.Eventually, "Eventually", PropertyKind.Eventually),
        (KnownSymbols.AlwaysEventually, "AlwaysEventually", PropertyKind.AlwaysEventually),
        (KnownSymbols.LeadsTo, "LeadsTo", PropertyKind.LeadsTo),
        (KnownSymbols.Reachable, "Reachable", PropertyKind.Reachable),
        (KnownSymbols.Constraint, "Constraint", PropertyKind.Constraint),
        (KnownSymbols.StepInvariant, "StepInvariant", PropertyKind.StepInvariant),
    };

    private static bool HasActionAttribute(ISymbol member) =>
        member.GetAttributes().Any(a => KnownSymbols.IsAttribute(a, KnownSymbols.Action));

    private static IEnumerable<(AttributeData Data, string Name, PropertyKind Kind)> PropertyAttributesOf(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            foreach (var (metadataName, name, kind) in PropertyAttributes)
            {
                if (KnownSymbols.IsAttribute(attribute, metadataName))
                {
                    yield return (attribute, name, kind);
                }
            }
        }
    }

    private List<ActionShape> ReadActions(List<ISymbol> members)
    {
        var actions = new List<ActionShape>();
        foreach (var method in members.OfType<IMethodSymbol>())
        {
            var attribute = method.GetAttributes().FirstOrDefault(a => KnownSymbols.IsAttribute(a, KnownSymbols.Action));
            if (attribute is null)
            {
                continue;
            }

            var location = SourceOrder.Location(method);
            if (method.MethodKind != MethodKind.Ordinary)
            {
                diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, "Action", method.Name, "an action is an ordinary method");
                continue;
            }

            if (PropertyAttributesOf(method).FirstOrDefault() is { Data: not null } property)
            {
                diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, property.Name, method.Name, "an [Action] is not a property; check it in a separate bool member");
                continue;
            }

            if (method.IsGenericMethod)
            {
                diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, "Action", method.Name, "an action cannot be generic");
                continue;
            }

            if (method.IsStatic && !method.ContainingType.IsStatic)
            {
                // Static members are not state (SPEC §2): a static action could change nothing the checker sees.
                diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, "Action", method.Name, "an action is an instance method (a static one cannot change the state)");
                continue;
            }

            if (!method.ReturnsVoid && method.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                diagnostics.Error(DiagnosticDescriptors.ActionReturnType, location, method.Name, TypeMapper.Display(method.ReturnType));
                continue;
            }

            if (domains.Read(method, allowProcess: true) is { } actionDomains)
            {
                actions.Add(new ActionShape(method, FairnessOf(attribute), actionDomains, location, FairnessGroupOf(attribute))
                {
                    Guard = guards?.Read(method),
                });
            }
        }

        CheckFairnessGroups(actions);
        return actions;
    }

    private static string? FairnessGroupOf(AttributeData attribute) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == "FairnessGroup").Value.Value as string;

    /// <summary>
    /// SM0115: the actions of one <c>FairnessGroup</c> are fair as one action (TLA+ <c>WF_vars(A \/ B)</c>), so they
    /// must promise the same and split by the same processes. Each is compared with the group's first.
    /// </summary>
    private void CheckFairnessGroups(List<ActionShape> actions)
    {
        var first = new Dictionary<string, ActionShape>();
        foreach (var action in actions)
        {
            if (action.FairnessGroup is not { } group)
            {
                continue;
            }

            if (!first.TryGetValue(group, out var leader))
            {
                first.Add(group, action);
                continue;
            }

            string? difference = leader.Fairness != action.Fairness
                ? "differ in Fairness ('" + leader.Method.Name + "' is " + leader.Fairness + ", '" + action.Method.Name + "' is " + action.Fairness + ")"
                : ProcessTypes(leader) != ProcessTypes(action)
                    ? "differ in [Process] parameters ('" + leader.Method.Name + "' has " + ProcessTypes(leader) + ", '" + action.Method.Name + "' has " + ProcessTypes(action) + ")"
                    : null;
            if (difference is not null)
            {
                diagnostics.Error(DiagnosticDescriptors.FairnessGroupMismatch, action.Location, leader.Method.Name, action.Method.Name, group, difference);
            }
        }
    }

    private static string ProcessTypes(ActionShape action)
    {
        var types = action.Domains.Where(d => d.IsProcess).Select(d => TypeMapper.Display(d.Parameter.Type)).ToList();
        return types.Count == 0 ? "none" : "(" + string.Join(", ", types) + ")";
    }

    private static ActionFairness FairnessOf(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Fairness" && argument.Value.Value is int fairness)
            {
                return fairness switch
                {
                    1 => ActionFairness.Strong,
                    2 => ActionFairness.None,
                    _ => ActionFairness.Weak,
                };
            }
        }

        return ActionFairness.Weak;
    }

    private List<PropertyShape> ReadProperties(List<ISymbol> members)
    {
        var properties = new List<PropertyShape>();
        foreach (var member in members)
        {
            var attributes = PropertyAttributesOf(member).ToList();
            if (attributes.Count == 0 || HasActionAttribute(member))
            {
                continue;
            }

            var location = SourceOrder.Location(member);
            if (attributes.Any(a => a.Kind == PropertyKind.StepInvariant))
            {
                if (IsStepInvariant(member, attributes.Count, location))
                {
                    properties.Add(new PropertyShape(PropertyKind.StepInvariant, member, new List<ParameterDomain>(), null, location));
                }

                continue;
            }

            if (!IsBoolMember(member, attributes[0].Name, location, out var parameters))
            {
                continue;
            }

            IReadOnlyList<ParameterDomain>? memberDomains = parameters is null
                ? new List<ParameterDomain>()
                : domains.Read(parameters, allowProcess: false);
            if (memberDomains is null)
            {
                continue;
            }

            foreach (var (data, _, kind) in attributes)
            {
                ISymbol? target = null;
                if (kind == PropertyKind.LeadsTo && (target = LeadsToTarget(member, data, location)) is null)
                {
                    continue;
                }

                properties.Add(new PropertyShape(kind, member, memberDomains, target, location));
            }
        }

        return properties;
    }

    /// <summary>SM0114 unless the member is <c>bool M(Model before)</c>, with no other property attribute.</summary>
    private bool IsStepInvariant(ISymbol member, int attributeCount, Location location)
    {
        string? problem = member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary ? "is not a method"
            : attributeCount > 1 ? "has another property attribute too; check that in a separate member"
            : method.IsStatic ? "is static"
            : method.IsGenericMethod ? "is generic"
            : method.ReturnType.SpecialType != SpecialType.System_Boolean ? "returns " + TypeMapper.Display(method.ReturnType)
            : method.Parameters.Length != 1 ? "takes " + method.Parameters.Length + " parameters"
            : !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type.OriginalDefinition, type) ? "takes a '" + TypeMapper.Display(method.Parameters[0].Type) + "'"
            : method.Parameters[0].RefKind != RefKind.None || method.Parameters[0].IsParams ? "takes its parameter by reference"
            : null;
        if (problem is null)
        {
            return true;
        }

        diagnostics.Error(DiagnosticDescriptors.StepInvariantSignature, location, member.Name, problem, type.Name);
        return false;
    }

    /// <summary>Whether the member is a bool method or property; <paramref name="method"/> is the method, if one.</summary>
    private bool IsBoolMember(ISymbol member, string attribute, Location location, out IMethodSymbol? method)
    {
        method = member as IMethodSymbol;
        var returnType = member switch
        {
            IMethodSymbol m => m.ReturnType,
            IPropertySymbol p => p.Type,
            _ => null,
        };
        if (member is IMethodSymbol { MethodKind: not MethodKind.Ordinary } or IPropertySymbol { IsIndexer: true } or IPropertySymbol { GetMethod: null }
            || method is { IsGenericMethod: true })
        {
            diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, attribute, member.Name, "a property is a non-generic bool method or a readable bool property");
            return false;
        }

        if (member.IsStatic && !member.ContainingType.IsStatic)
        {
            diagnostics.Error(DiagnosticDescriptors.InvalidMember, location, attribute, member.Name, "a property is an instance member (a static one cannot read the state)");
            return false;
        }

        if (returnType?.SpecialType != SpecialType.System_Boolean)
        {
            diagnostics.Error(DiagnosticDescriptors.PropertyNotBool, location, attribute, member.Name, returnType is null ? "nothing" : TypeMapper.Display(returnType));
            return false;
        }

        return true;
    }

    private ISymbol? LeadsToTarget(ISymbol member, AttributeData attribute, Location location)
    {
        string name = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
        var candidates = type.GetMembers(name).Where(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol { IsIndexer: false }).ToList();
        string? problem = null;
        if (candidates.Count == 0)
        {
            problem = "is not a member of '" + type.Name + "'";
        }
        else if (!candidates.Any(IsBool))
        {
            problem = "does not return bool";
        }
        else
        {
            var sourceParameters = member is IMethodSymbol method ? method.Parameters : default;
            var match = candidates.Where(IsBool).FirstOrDefault(c => c is IPropertySymbol || SameParameters(((IMethodSymbol)c).Parameters, sourceParameters));
            if (match is not null)
            {
                return match;
            }

            problem = "takes different parameters";
        }

        diagnostics.Error(DiagnosticDescriptors.LeadsToTarget, SourceOrder.Location(attribute, member), member.Name, name, problem);
        return null;
    }

    private static bool IsBool(ISymbol member) => member switch
    {
        IMethodSymbol m => m.ReturnType.SpecialType == SpecialType.System_Boolean && !m.IsGenericMethod,
        IPropertySymbol p => p.Type.SpecialType == SpecialType.System_Boolean && p.GetMethod is not null,
        _ => false,
    };

    // The target takes no parameters, or exactly the source's (names and types, in order).
    private static bool SameParameters(System.Collections.Immutable.ImmutableArray<IParameterSymbol> target, System.Collections.Immutable.ImmutableArray<IParameterSymbol> source)
    {
        if (target.Length == 0)
        {
            return true;
        }

        if (source.IsDefault || source.Length != target.Length)
        {
            return false;
        }

        for (int i = 0; i < target.Length; i++)
        {
            if (target[i].Name != source[i].Name || !SymbolEqualityComparer.Default.Equals(target[i].Type, source[i].Type))
            {
                return false;
            }
        }

        return true;
    }
}
