using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MergeQueue.Analyzers.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>
/// What an exploration's result depends on, and nothing else: the code of every file that declares the model or a
/// type or helper its members use (its tokens as the compiler sees them after preprocessing, each with its line, so
/// a comment or spacing within a line changes nothing but a moved <c>Require</c> does), the constants and enums it
/// reads from referenced assemblies, the compilation options that change what code means, and the settings.
/// Typing in any other file leaves the key, and so the cached result, as it is.
/// </summary>
internal static class ModelContentKey
{
    public static string For(ModelSource source, CheckerSettings settings, int maxStates, int maxDepth)
    {
        var trees = new HashSet<SyntaxTree>();
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var metadata = new SortedSet<string>(StringComparer.Ordinal);
        var derived = new Generator.DerivedRecords(source.Compilation);
        AddType(source.Type, trees, seen, derived);
        foreach (var member in source.Type.GetMembers())
        {
            AddMemberTypes(member, trees, seen, derived);
        }

        foreach (var blocks in source.Bodies.Values)
        {
            foreach (var block in blocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    AddType(operation.Type, trees, seen, derived);
                    if (operation is IMemberReferenceOperation reference)
                    {
                        AddType(reference.Member.ContainingType, trees, seen, derived);
                        if (reference.Member is IFieldSymbol { HasConstantValue: true, DeclaringSyntaxReferences.IsEmpty: true } constant)
                        {
                            // A constant compiled into a referenced assembly: rebuilding that assembly may change it.
                            metadata.Add(constant.ToDisplayString() + "=" + Convert.ToString(constant.ConstantValue, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }
                    else if (operation is IInvocationOperation invocation)
                    {
                        AddType(invocation.TargetMethod.ContainingType, trees, seen, derived);
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
        // Overflow checking changes what arithmetic does; nothing else in the options changes what a model means.
        key.Append(source.Compilation.Options is { } options && options.CheckOverflow ? "checked|" : "unchecked|");
        foreach (var fact in metadata)
        {
            key.Append(fact).Append('|');
        }

        foreach (var type in seen.OfType<INamedTypeSymbol>().Where(t => t.TypeKind == TypeKind.Enum && t.DeclaringSyntaxReferences.IsEmpty).OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            foreach (var member in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                key.Append(member.ToDisplayString()).Append('=').Append(Convert.ToString(member.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        foreach (var tree in trees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
        {
            key.Append(tree.FilePath).Append(':').Append(CodeHash(tree)).Append('|');
        }

        return key.ToString();
    }

    // The tokens the compiler parsed (disabled #if branches and comments are trivia, so left out), each with its line:
    // traces quote a Require's line, so code that moves to another line is a different model.
    private static string CodeHash(SyntaxTree tree)
    {
        var lines = tree.GetText().Lines;
        var code = new StringBuilder();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            code.Append(lines.IndexOf(token.SpanStart)).Append(' ').Append(token.Text).Append('\n');
        }

        using var sha = System.Security.Cryptography.SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(code.ToString())).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static void AddMemberTypes(ISymbol member, HashSet<SyntaxTree> trees, HashSet<ITypeSymbol> seen, Generator.DerivedRecords derived)
    {
        switch (member)
        {
            case IFieldSymbol field:
                AddType(field.Type, trees, seen, derived);
                break;
            case IPropertySymbol property:
                AddType(property.Type, trees, seen, derived);
                break;
            case IMethodSymbol method:
                AddType(method.ReturnType, trees, seen, derived);
                foreach (var parameter in method.Parameters)
                {
                    AddType(parameter.Type, trees, seen, derived);
                }

                break;
        }
    }

    private static void AddType(ITypeSymbol? type, HashSet<SyntaxTree> trees, HashSet<ITypeSymbol> seen, Generator.DerivedRecords derived)
    {
        if (type is null || !seen.Add(type))
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                AddType(array.ElementType, trees, seen, derived);
                return;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    AddType(argument, trees, seen, derived);
                }

                break;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            trees.Add(reference.SyntaxTree);
        }

        // A value declared as a base record or an interface may be any record deriving from or implementing it, whose
        // members (overrides included) the model then runs.
        if (type is INamedTypeSymbol { DeclaringSyntaxReferences.Length: > 0 } declared)
        {
            AddType(declared.BaseType, trees, seen, derived);
            var related = declared.TypeKind == TypeKind.Interface ? derived.Implementers(declared)
                : declared.IsRecord && declared.TypeKind == TypeKind.Class ? derived.Of(declared)
                : System.Array.Empty<INamedTypeSymbol>();
            foreach (var other in related)
            {
                AddType(other, trees, seen, derived);
            }
        }

        // A record's or struct's own fields are part of the state too.
        if (type.DeclaringSyntaxReferences.Length > 0 && type.TypeKind is TypeKind.Struct or TypeKind.Class)
        {
            foreach (var member in type.GetMembers())
            {
                AddMemberTypes(member, trees, seen, derived);
            }
        }
    }
}
