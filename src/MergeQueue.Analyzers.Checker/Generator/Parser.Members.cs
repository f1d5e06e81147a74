using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Generator;

/// <summary>Action and predicate instances, enumerated exactly as the front end's <c>ModelBuilder</c> does.</summary>
internal sealed partial class Parser
{
    // Generated code computes each instance's arguments from its number; only the fairness groups are listed here.
    private List<ActionSpec> ReadActions(IReadOnlyList<ActionShape> shapes, Compilation compilation)
    {
        var actions = new List<ActionSpec>();
        var groups = new FairnessGroups();
        int first = 0;
        foreach (var action in shapes)
        {
            int index = actions.Count;
            var instanceGroups = DomainCombinations.Of(action.Domains).Select(combination => groups.Of(index, action, combination)).ToList();
            bool oneGroup = instanceGroups.Count > 0 && instanceGroups.All(g => g == instanceGroups[0]);
            var parameters = action.Method.Parameters;
            var guard = Guard(action, compilation);
            actions.Add(new ActionSpec(
                action.Method.Name,
                action.Fairness.ToString(),
                action.ReturnsBool ? ReturnedFalse(action.Method) : null,
                guard,
                string.Join(", ", parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + Identifier(p.Name))),
                new EquatableArray<string>(parameters.Select(p => p.Name)),
                first,
                new EquatableArray<DomainSpec>(action.Domains.Select(Domain)),
                new EquatableArray<int>(oneGroup ? instanceGroups.Take(1) : instanceGroups),
                guard is null ? parameters.Length : action.Guard!.ParameterPrefix)
            {
                RunCopy = action.ReturnsBool ? null : RunCopy(action.Method, compilation),
            });
            first += instanceGroups.Count;
        }

        return actions;
    }

    // An integer range is computed in the generated code; other values (and chars, whose text is quoted) are listed.
    private static DomainSpec Domain(ParameterDomain domain)
    {
        string type = domain.Parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string prefix = domain.Parameter.Name + ": ";
        var values = domain.Values;
        bool range = domain.Type is IntegerType { Kind: not (IntKind.Char or IntKind.UInt64) } && values.Count > 0
            && values.Select((v, i) => v.Bits == values[0].Bits + i).All(consecutive => consecutive);
        return range
            ? new DomainSpec(type, prefix, values[0].Bits, values.Count, default, default)
            : new DomainSpec(
                type,
                prefix,
                0,
                values.Count,
                new EquatableArray<string>(Enumerable.Range(0, values.Count).Select(i => Literal(domain, i))),
                new EquatableArray<string>(Enumerable.Range(0, values.Count).Select(domain.Display)));
    }

    private (List<PredicateSpec> Predicates, List<PropertySpec> Properties) ReadProperties(IReadOnlyList<PropertyShape> shapes)
    {
        var predicates = new List<PredicateSpec>();
        var properties = new List<PropertySpec>();
        var known = new Dictionary<(string, string), int>();
        int Predicate(ISymbol member, IReadOnlyList<ParameterDomain> domains, int[] combination, bool isStep = false)
        {
            var arguments = Arguments(domains, combination);
            var key = (member.Name, string.Join(", ", arguments));
            if (!known.TryGetValue(key, out int index))
            {
                known.Add(key, index = predicates.Count);

                // A step invariant runs on the state after the step, given the state before it.
                string call = isStep ? "after." + Identifier(member.Name) + "(before)" : Call("state", member, domains, combination);
                predicates.Add(new PredicateSpec(member.Name, arguments, call, isStep));
            }

            return index;
        }

        foreach (var property in shapes)
        {
            foreach (var combination in DomainCombinations.Of(property.Domains))
            {
                int predicate = Predicate(property.Member, property.Domains, combination, property.Kind == Engine.PropertyKind.StepInvariant);
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

    // A static member (a [LeadsTo] target may be one) is called through its class, as C# requires.
    private static string Call(string receiver, ISymbol member, IReadOnlyList<ParameterDomain> domains, int[] combination) =>
        member is IMethodSymbol
            ? Receiver(receiver, member) + "." + Identifier(member.Name) + "(" + string.Join(", ", domains.Select((d, i) => Literal(d, combination[i]))) + ")"
            : Receiver(receiver, member) + "." + Identifier(member.Name);

    private static string Receiver(string receiver, ISymbol member) =>
        member.IsStatic ? member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : receiver;

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
