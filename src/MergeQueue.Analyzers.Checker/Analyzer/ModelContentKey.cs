using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>
/// What an exploration's result depends on: the text of every file that declares the model or a type its
/// members use, and the settings. Typing in any other file leaves the key, and so the cached result, as it is.
/// </summary>
internal static class ModelContentKey
{
    public static string For(ModelSource source, CheckerSettings settings, int maxStates, int maxDepth)
    {
        var trees = new HashSet<SyntaxTree>();
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        AddType(source.Type, trees, seen);
        foreach (var member in source.Type.GetMembers())
        {
            AddMemberTypes(member, trees, seen);
        }

        foreach (var blocks in source.Bodies.Values)
        {
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    AddType(operation.Type, trees, seen);
                    if (operation is IMemberReferenceOperation reference)
                    {
                        AddType(reference.Member.ContainingType, trees, seen);
                    }
                    else if (operation is IInvocationOperation invocation)
                    {
                        AddType(invocation.TargetMethod.ContainingType, trees, seen);
                    }
                }
            }
        }

        var key = new StringBuilder()
            .Append(source.Type.ToDisplayString()).Append('|')
            .Append(maxStates).Append('|').Append(maxDepth).Append('|')
            .Append(settings.Timeout.Ticks).Append('|')
            .Append(settings.MaxMemoryMegabytes).Append('|')
            .Append(settings.ContinueAfterViolation).Append('|');
        foreach (var tree in trees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            key.Append(tree.FilePath).Append(':');
            foreach (var b in tree.GetText().GetChecksum())
            {
                key.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            key.Append('|');
        }

        return key.ToString();
    }

    private static void AddMemberTypes(ISymbol member, HashSet<SyntaxTree> trees, HashSet<ITypeSymbol> seen)
    {
        switch (member)
        {
            case IFieldSymbol field:
                AddType(field.Type, trees, seen);
                break;
            case IPropertySymbol property:
                AddType(property.Type, trees, seen);
                break;
            case IMethodSymbol method:
                AddType(method.ReturnType, trees, seen);
                foreach (var parameter in method.Parameters)
                {
                    AddType(parameter.Type, trees, seen);
                }

                break;
        }
    }

    private static void AddType(ITypeSymbol? type, HashSet<SyntaxTree> trees, HashSet<ITypeSymbol> seen)
    {
        if (type is null || !seen.Add(type))
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                AddType(array.ElementType, trees, seen);
                return;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    AddType(argument, trees, seen);
                }

                break;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            trees.Add(reference.SyntaxTree);
        }

        // A record's or struct's own fields are part of the state too.
        if (type.DeclaringSyntaxReferences.Length > 0 && type.TypeKind is TypeKind.Struct or TypeKind.Class)
        {
            foreach (var member in type.GetMembers())
            {
                AddMemberTypes(member, trees, seen);
            }
        }
    }
}
