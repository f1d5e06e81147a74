using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// The <c>Require</c>s past a guard's end that can still be tested with it, on the state before the step: a PlusCal
/// label's usual writing moves the program counter first (<c>Goto(self, Pc.A1, Pc.A2); Require(lockVar == 1);</c>),
/// and an instance whose later condition is false would otherwise run its writes and throw. The statements crossed
/// to reach such a <c>Require</c> may only store a value into a field of a value type (or an array element of one
/// whose index the guard has already read), from an expression that cannot throw, so running them first could neither
/// fail nor change what the condition reads; the condition must write nothing and read none of the fields they
/// store, directly (it calls no member of the model). Crossing stops at the first statement that is none of these.
/// </summary>
internal sealed class LaterRequires
{
    private readonly INamedTypeSymbol model;
    private readonly HashSet<IFieldSymbol> written = new(SymbolEqualityComparer.Default);
    private readonly HashSet<(IFieldSymbol Field, string Index)> readElements = new();

    private LaterRequires(INamedTypeSymbol model) => this.model = model;

    /// <summary>
    /// Crosses <paramref name="statements"/> from their first; returns the <c>Require</c>s reached that can be tested
    /// with the guard.
    /// </summary>
    /// <param name="model">The model, whose fields the statements store into.</param>
    /// <param name="tested">The conditions the guard has tested so far (each true when these statements run).</param>
    /// <param name="statements">The statements after the guard.</param>
    /// <param name="isPure">Whether a <c>Require</c> statement writes nothing, with the guard's locals in scope.</param>
    /// <param name="crossCall">The fields a statement that calls the helper the guard ends with stores, or null when it
    /// is not that call or its writes cannot be crossed.</param>
    public static List<IOperation> Read(
        INamedTypeSymbol model,
        IEnumerable<IOperation> tested,
        IEnumerable<IOperation> statements,
        System.Func<IOperation, bool> isPure,
        System.Func<IOperation, IReadOnlyCollection<IFieldSymbol>?> crossCall)
    {
        var reader = new LaterRequires(model);
        foreach (var condition in tested)
        {
            reader.NoteReads(condition, knownTrue: true);
        }

        var requires = new List<IOperation>();
        foreach (var statement in statements)
        {
            if (GuardReader.RequireCondition(statement) is { } condition)
            {
                if (!isPure(statement) || !reader.ReadsNoneWritten(condition))
                {
                    return requires;
                }

                requires.Add(statement);
                reader.NoteReads(condition, knownTrue: true);
            }
            else if (crossCall(statement) is { } stored)
            {
                reader.written.UnionWith(stored);
            }
            else if (!reader.CrossStore(statement))
            {
                return requires;
            }
        }

        return requires;
    }

    /// <summary>
    /// The fields a helper's statements after its guard store, when each is a store this class can cross; null
    /// otherwise. Its own later <c>Require</c>s (<paramref name="laterRequires"/>) hold there and are crossed too.
    /// </summary>
    public static IReadOnlyCollection<IFieldSymbol>? Stores(INamedTypeSymbol model, IEnumerable<IOperation> tested, IEnumerable<IOperation> rest, IReadOnlyCollection<SyntaxNode> laterRequires)
    {
        var reader = new LaterRequires(model);
        foreach (var condition in tested)
        {
            reader.NoteReads(condition, knownTrue: true);
        }

        foreach (var statement in rest)
        {
            if (!laterRequires.Contains(statement.Syntax) && !reader.CrossStore(statement))
            {
                return null;
            }
        }

        return reader.written;
    }

    // `field = value;`, `field[index] op= value;`, `field++;`: a value type stored where it cannot fail.
    private bool CrossStore(IOperation statement)
    {
        if (statement is not IExpressionStatementOperation { Operation: var store })
        {
            return false;
        }

        var (target, value) = store switch
        {
            ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
            ICompoundAssignmentOperation { OperatorMethod: null, IsChecked: false } compound
                when compound.OperatorKind is not (BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder or BinaryOperatorKind.IntegerDivide) => (compound.Target, compound.Value),
            IIncrementOrDecrementOperation { OperatorMethod: null, IsChecked: false } step => (step.Target, (IOperation?)null),
            _ => (null, null),
        };

        if (target?.Type is not { IsValueType: true } || (value is not null && !CannotThrow(value)))
        {
            return false;
        }

        switch (target)
        {
            case IFieldReferenceOperation field when IsOwnField(field):
                written.Add(field.Field);
                return true;
            case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation array } element
                when IsOwnField(array) && element.Indices.Length == 1 && readElements.Contains((array.Field, Text(element.Indices[0]))):
                written.Add(array.Field);
                return true;
            default:
                return false;
        }
    }

    // An instance field of this model, read through `this`.
    private bool IsOwnField(IFieldReferenceOperation field) =>
        field.Instance is IInstanceReferenceOperation && !field.Field.IsStatic
        && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType.OriginalDefinition, model.OriginalDefinition);

    // Constants, parameters, locals, fields, and arithmetic that wraps rather than throws; array elements the guard read.
    private bool CannotThrow(IOperation value) => value switch
    {
        ILiteralOperation or IParameterReferenceOperation or ILocalReferenceOperation or IDefaultValueOperation => true,
        IFieldReferenceOperation field => field.Field.IsStatic || IsOwnField(field),
        IConversionOperation { OperatorMethod: null, IsChecked: false, IsTryCast: false } conversion =>
            !conversion.Conversion.IsUserDefined && !conversion.Conversion.IsNullable && IsPlainValue(conversion.Operand.Type) && IsPlainValue(conversion.Type)
            && CannotThrow(conversion.Operand),
        IBinaryOperation { OperatorMethod: null, IsChecked: false } binary =>
            binary.OperatorKind is not (BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder or BinaryOperatorKind.IntegerDivide)
            && binary.LeftOperand.Type is { IsValueType: true } && CannotThrow(binary.LeftOperand) && CannotThrow(binary.RightOperand),
        IUnaryOperation { OperatorMethod: null, IsChecked: false } unary => CannotThrow(unary.Operand),
        IConditionalOperation { WhenFalse: { } whenFalse } conditional => CannotThrow(conditional.Condition) && CannotThrow(conditional.WhenTrue) && CannotThrow(whenFalse),
        IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation array } element =>
            IsOwnField(array) && element.Indices.Length == 1 && readElements.Contains((array.Field, Text(element.Indices[0]))),
        _ => false,
    };

    // Converted between without a check that can fail (a decimal's conversions throw on overflow, a nullable's on null).
    private static bool IsPlainValue(ITypeSymbol? type) =>
        type is { IsValueType: true, SpecialType: not SpecialType.System_Decimal } && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

    // The array elements a true condition has read: both sides of &&, the left of ||, every operand of the rest.
    private void NoteReads(IOperation operation, bool knownTrue)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                NoteReads(and.LeftOperand, knownTrue);
                if (knownTrue)
                {
                    NoteReads(and.RightOperand, knownTrue);
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                NoteReads(or.LeftOperand, knownTrue: false);
                break;
            case IBinaryOperation binary:
                NoteReads(binary.LeftOperand, knownTrue: false);
                NoteReads(binary.RightOperand, knownTrue: false);
                break;
            case IUnaryOperation unary:
                NoteReads(unary.Operand, knownTrue: false);
                break;
            case IConversionOperation conversion:
                NoteReads(conversion.Operand, knownTrue: false);
                break;
            case IArrayElementReferenceOperation { ArrayReference: IFieldReferenceOperation array } element
                when IsOwnField(array) && element.Indices.Length == 1 && ReadsOnlyFixedValues(element.Indices[0]):
                readElements.Add((array.Field, Text(element.Indices[0])));
                break;
        }
    }

    // An index the crossed stores cannot change: parameters, locals (the guard's, which nothing crossed writes), constants.
    private static bool ReadsOnlyFixedValues(IOperation index) => index.DescendantsAndSelf().All(o =>
        o is ILiteralOperation or IParameterReferenceOperation or ILocalReferenceOperation
            or IBinaryOperation { OperatorMethod: null } or IUnaryOperation { OperatorMethod: null } or IConversionOperation { OperatorMethod: null }
        || o is IFieldReferenceOperation { Field.IsConst: true });

    // The condition reads no field a crossed statement stored, and nothing it could reach them through.
    private bool ReadsNoneWritten(IOperation condition) => condition.DescendantsAndSelf().All(o => o switch
    {
        IFieldReferenceOperation field => !written.Contains(field.Field),
        IInstanceReferenceOperation instance => instance.Parent is IFieldReferenceOperation,
        IInvocationOperation invocation => !IsModelMember(invocation.TargetMethod),
        IPropertyReferenceOperation property => !IsModelMember(property.Property),
        _ => true,
    });

    private bool IsModelMember(ISymbol member)
    {
        for (var type = model; !member.IsStatic && type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, member.ContainingType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    // Two indexes read the same element when they are written alike (their reads are fixed while the guard holds).
    private static string Text(IOperation index) => string.Concat(index.Syntax.ToString().Where(c => !char.IsWhiteSpace(c)));
}
