using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Generator;

/// <summary>Action and predicate instances, enumerated exactly as the front end's <c>ModelBuilder</c> does.</summary>
internal sealed partial class Parser
{
    private (List<ActionSpec> Actions, List<InstanceSpec> Instances) ReadActions(IReadOnlyList<ActionShape> shapes, Compilation compilation)
    {
        var actions = new List<ActionSpec>();
        var instances = new List<InstanceSpec>();
        var groups = new Dictionary<string, int>();
        foreach (var action in shapes)
        {
            int index = actions.Count;
            actions.Add(new ActionSpec(action.Method.Name, action.Fairness.ToString(), action.ReturnsBool ? ReturnedFalse(action.Method) : null, Guard(action.Method, compilation)));
            foreach (var combination in DomainCombinations.Of(action.Domains))
            {
                // Fairness is per action, or per value of its [Process] parameters (SPEC §2).
                string group = index + "|" + string.Join("|", action.Domains.Select((d, i) => d.IsProcess ? d.Display(combination[i]) : string.Empty));
                if (!groups.TryGetValue(group, out int fairnessGroup))
                {
                    groups.Add(group, fairnessGroup = groups.Count);
                }

                instances.Add(new InstanceSpec(index, Call("next", action.Method, action.Domains, combination), Arguments(action.Domains, combination), fairnessGroup));
            }
        }

        return (actions, instances);
    }

    private (List<PredicateSpec> Predicates, List<PropertySpec> Properties) ReadProperties(IReadOnlyList<PropertyShape> shapes)
    {
        var predicates = new List<PredicateSpec>();
        var properties = new List<PropertySpec>();
        var known = new Dictionary<(string, string), int>();
        int Predicate(ISymbol member, IReadOnlyList<ParameterDomain> domains, int[] combination)
        {
            var arguments = Arguments(domains, combination);
            var key = (member.Name, string.Join(", ", arguments));
            if (!known.TryGetValue(key, out int index))
            {
                known.Add(key, index = predicates.Count);
                predicates.Add(new PredicateSpec(member.Name, arguments, Call("state", member, domains, combination)));
            }

            return index;
        }

        foreach (var property in shapes)
        {
            foreach (var combination in DomainCombinations.Of(property.Domains))
            {
                int predicate = Predicate(property.Member, property.Domains, combination);
                int target = -1;
                if (property.Target is { } targetMember)
                {
                    target = targetMember is IMethodSymbol { Parameters.Length: > 0 }
                        ? Predicate(targetMember, property.Domains, combination)
                        : Predicate(targetMember, new List<ParameterDomain>(), new int[0]);
                }

                properties.Add(new PropertySpec(property.Kind.ToString(), predicate, target));
            }
        }

        return (predicates, properties);
    }

    private static string Call(string receiver, ISymbol member, IReadOnlyList<ParameterDomain> domains, int[] combination) =>
        member is IMethodSymbol
            ? receiver + "." + Identifier(member.Name) + "(" + string.Join(", ", domains.Select((d, i) => Literal(d, combination[i]))) + ")"
            : receiver + "." + Identifier(member.Name);

    private static EquatableArray<string> Arguments(IReadOnlyList<ParameterDomain> domains, int[] combination) =>
        new(domains.Select((d, i) => d.Display(combination[i])));

    /// <summary>
    /// The front end names the <c>return</c> that returned false. Compiled code cannot tell which one ran, so this
    /// names the first <c>return</c> whose value is not the literal <c>true</c> (a bool action usually has one).
    /// </summary>
    private static string ReturnedFalse(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            ExpressionSyntax? returned = declaration.ExpressionBody?.Expression;
            if (returned is null && declaration.Body is { } body)
            {
                returned = body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<ReturnStatementSyntax>()
                    .Select(r => r.Expression)
                    .FirstOrDefault(e => e is not null && !e.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression));
            }

            if (returned is not null)
            {
                int line = returned.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                return "returned false (line " + line.ToString(CultureInfo.InvariantCulture) + ")";
            }
        }

        return "returned false";
    }
}
