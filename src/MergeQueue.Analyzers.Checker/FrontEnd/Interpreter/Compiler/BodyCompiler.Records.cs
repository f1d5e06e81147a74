using System;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>Records, structs and tuples: construction, <c>with</c>, members and deconstruction.</summary>
internal sealed partial class BodyCompiler
{
    private static string TupleFieldName(IFieldSymbol field) => field.CorrespondingTupleField?.Name ?? field.Name;

    private static int FieldIndex(RecordType record, string name) => record.IndexOf(name);

    private static long ConstantBits(object value, IOperation at) => value switch
    {
        string or float or double or decimal => throw new InvalidOperationException("not an integral constant at " + at.Syntax),
        _ => IntKinds.FromConstant(value),
    };

    /// <summary>The types of the parts a value of <paramref name="type"/> deconstructs into.</summary>
    private static VType[] PartTypes(VType type, int count) =>
        type is RecordType record && record.FieldTypes.Count >= count
            ? record.FieldTypes.Take(count).ToArray()
            : Enumerable.Repeat<VType>(TypeMapper.Int32, count).ToArray();

    /// <summary>Splits a tuple, pair or positional record into its parts, as <c>Deconstruct</c> does.</summary>
    private Func<Value, Value[]> Deconstructor(VType type, int count, IOperation at)
    {
        if (type is not RecordType record || (record.Kind is not (RecordKind.Tuple or RecordKind.Pair) && !IsPositional(record, count)))
        {
            Report(at, "the deconstruction of '" + type.Name + "'");
            return _ => new Value[count];
        }

        return value =>
        {
            if (value.Ref is not RecordObject r)
            {
                throw Errors.NullReference();
            }

            var parts = new Value[count];
            Array.Copy(r.Fields, parts, count);
            return parts;
        };
    }

    private static bool IsPositional(RecordType record, int count) => record.PositionalCount == count && count > 0;

    private Expr Tuple(ITupleOperation tuple, ITypeSymbol? type)
    {
        if (TypeOf(type ?? tuple.Type, tuple) is not RecordType record)
        {
            return Nothing;
        }

        var elements = tuple.Elements.Select(e => Expr(e)).ToArray();
        return frame =>
        {
            var fields = new Value[elements.Length];
            for (int i = 0; i < elements.Length; i++)
            {
                fields[i] = elements[i](frame);
            }

            return new Value(new RecordObject(record, fields));
        };
    }

    /// <summary><c>new R(...)</c>, <c>new R { X = 1 }</c> and <c>new S()</c> for records and structs.</summary>
    private Expr RecordCreation(IObjectCreationOperation creation, RecordType record)
    {
        var type = (INamedTypeSymbol)creation.Type!;
        var constructor = creation.Constructor;
        var arguments = new (int Field, Expr Value)[creation.Arguments.Length];
        if (constructor is not null && creation.Arguments.Length > 0)
        {
            // Only a primary constructor is known to store each parameter into the property of the same name.
            bool primary = IsPrimary(constructor) && constructor.Parameters.All(p => record.IndexOf(p.Name) >= 0);
            if (!primary)
            {
                return ConstructorCall(creation, type, record, constructor);
            }

            for (int i = 0; i < creation.Arguments.Length; i++)
            {
                var argument = creation.Arguments[i];
                arguments[i] = (record.IndexOf(argument.Parameter!.Name), Expr(argument.Value));
            }
        }
        else if (constructor is not null && !constructor.IsImplicitlyDeclared && constructor.Parameters.Length == 0)
        {
            return ConstructorCall(creation, type, record, constructor);
        }

        if (MemberDefaults(type, record, creation) is not { } defaults)
        {
            return Nothing;
        }

        var setters = Initializers(creation.Initializer, record);
        return frame =>
        {
            var fields = (Value[])defaults.Clone();
            foreach (var (field, value) in arguments)
            {
                fields[field] = value(frame);
            }

            foreach (var (field, value) in setters)
            {
                fields[field] = value(frame);
            }

            return new Value(new RecordObject(record, fields));
        };
    }

    private static bool IsPrimary(IMethodSymbol constructor) =>
        constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax);

    /// <summary>
    /// The value of each field of a new record or struct before its constructor: the type's default, or a literal
    /// initializer (<c>public string Name { get; init; } = "";</c>). Other initializers run code of another type,
    /// which the analyzer has no operations for: reported, null.
    /// </summary>
    private Value[]? MemberDefaults(INamedTypeSymbol type, RecordType record, IOperation at)
    {
        var defaults = record.FieldTypes.Select(t => t.Default).ToArray();
        foreach (var field in TypeMapper.InstanceFields(type))
        {
            var member = (ISymbol?)field.AssociatedSymbol ?? field;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.Initializer?.Value,
                    Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                    _ => null,
                };
                if (initializer is null || initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression))
                {
                    continue;
                }

                int index = record.IndexOf(member.Name);
                if (index < 0 || Literal(initializer) is not { } value)
                {
                    Report(at, "the initializer of '" + type.Name + "." + member.Name + "' (only literals are interpreted there)");
                    return null;
                }

                defaults[index] = value;
            }
        }

        return defaults;
    }

    // The lexer already knows a literal's value; nothing else can be known without the other type's operations.
    private static Value? Literal(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) =>
        expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal
            ? literal.Token.Value switch
            {
                null => Value.Null,
                string text => new Value(text),
                bool b => Value.Of(b),
                float or double or decimal => null,
                var number => new Value(IntKinds.FromConstant(number)),
            }
            : null;

    /// <summary>The <c>{ X = 1 }</c> part of a creation or <c>with</c>: field indexes and values, in order.</summary>
    private (int Field, Expr Value)[] Initializers(IObjectOrCollectionInitializerOperation? initializer, RecordType record)
    {
        if (initializer is null)
        {
            return Array.Empty<(int, Expr)>();
        }

        var setters = new System.Collections.Generic.List<(int, Expr)>();
        foreach (var assignment in initializer.Initializers)
        {
            string? name = assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } ? p.Property.Name
                : assignment is ISimpleAssignmentOperation { Target: IFieldReferenceOperation f } ? TupleFieldName(f.Field)
                : null;
            int index = name is null ? -1 : record.IndexOf(name);
            if (index < 0)
            {
                Report(assignment, "the initializer '" + Shorten(assignment.Syntax.ToString()) + "'");
                continue;
            }

            setters.Add((index, Expr(((ISimpleAssignmentOperation)assignment).Value)));
        }

        return setters.ToArray();
    }

    private Expr With(IWithOperation operation)
    {
        if (TypeOf(operation) is not RecordType record)
        {
            return Nothing;
        }

        if (operation.CloneMethod is { IsImplicitlyDeclared: false } clone)
        {
            return Unsupported(operation, "the copy constructor of '" + record.Name + "'");
        }

        var source = Expr(operation.Operand, record.HasMutableParts ? Use.Own : Use.Peek());
        var setters = Initializers(operation.Initializer, record);
        return frame =>
        {
            if (source(frame).Ref is not RecordObject original)
            {
                throw Errors.NullReference();
            }

            // A with-expression copies the fields shallowly, then assigns.
            var fields = (Value[])original.Fields.Clone();
            foreach (var (field, value) in setters)
            {
                fields[field] = value(frame);
            }

            return new Value(new RecordObject(original.Type, fields));
        };
    }

    /// <summary>A field or property of a record, struct, tuple or pair.</summary>
    private Expr RecordMember(IOperation member, IOperation instance, string name, Use use, IPropertySymbol? property = null)
    {
        if (TypeOf(instance) is not RecordType record)
        {
            return Nothing;
        }

        int index = record.IndexOf(name);
        if (index < 0 && property is not null)
        {
            return ComputedMember(member, instance, property, use);
        }

        if (index < 0)
        {
            return Unsupported(member, "the member '" + name + "' of '" + record.Name + "' (only stored members are interpreted)");
        }

        var memberType = record.FieldTypes[index];
        var receiver = Expr(instance, memberType.HasMutableParts ? use : Use.Peek());
        return frame => receiver(frame).Ref is RecordObject r ? r.Fields[index] : throw Errors.NullReference();
    }
}
