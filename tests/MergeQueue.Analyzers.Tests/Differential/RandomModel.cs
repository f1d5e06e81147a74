using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MergeQueue.Analyzers.Tests.Differential;

// The random models of the differential tests, in a representation of their own: a few int and bool variables,
// actions made of a guard and assignments. Nothing here is shared with the engine or the front end; the same tree
// is rendered as C# (for the checker and the generator) and evaluated by ReferenceExplorer.

/// <summary>An int expression. Every value a model can hold stays within -3..3, so every model is finite.</summary>
internal abstract record IntExpr
{
    public abstract int Eval(int[] ints, bool[] bools, int param);

    public abstract string Render();
}

internal sealed record IntConst(int Value) : IntExpr
{
    public override int Eval(int[] ints, bool[] bools, int param) => Value;

    public override string Render() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed record IntField(int Index) : IntExpr
{
    public override int Eval(int[] ints, bool[] bools, int param) => ints[Index];

    public override string Render() => "x" + Index.ToString(CultureInfo.InvariantCulture);
}

internal sealed record IntParam : IntExpr
{
    public override int Eval(int[] ints, bool[] bools, int param) => param;

    public override string Render() => "p";
}

/// <summary>
/// <c>(operand + delta) % modulus</c> with C#'s semantics: the addition wraps (delta may be int.MaxValue) and the
/// remainder takes the sign of the dividend. The operand is never a constant (a constant overflow is a C# error).
/// </summary>
internal sealed record IntStep(IntExpr Operand, int Delta, int Modulus) : IntExpr
{
    public override int Eval(int[] ints, bool[] bools, int param) =>
        unchecked(Operand.Eval(ints, bools, param) + Delta) % Modulus;

    public override string Render() => Delta switch
    {
        int.MaxValue => $"({Operand.Render()} + int.MaxValue) % {Modulus}",
        < 0 => $"({Operand.Render()} - {-Delta}) % {Modulus}",
        _ => $"({Operand.Render()} + {Delta}) % {Modulus}",
    };
}

internal abstract record BoolExpr
{
    public abstract bool Eval(int[] ints, bool[] bools, int param);

    public abstract string Render();
}

internal sealed record BoolConst(bool Value) : BoolExpr
{
    public override bool Eval(int[] ints, bool[] bools, int param) => Value;

    public override string Render() => Value ? "true" : "false";
}

internal sealed record BoolField(int Index) : BoolExpr
{
    public override bool Eval(int[] ints, bool[] bools, int param) => bools[Index];

    public override string Render() => "b" + Index.ToString(CultureInfo.InvariantCulture);
}

internal sealed record Not(BoolExpr Operand) : BoolExpr
{
    public override bool Eval(int[] ints, bool[] bools, int param) => !Operand.Eval(ints, bools, param);

    public override string Render() => "!(" + Operand.Render() + ")";
}

internal sealed record And(BoolExpr Left, BoolExpr Right) : BoolExpr
{
    public override bool Eval(int[] ints, bool[] bools, int param) => Left.Eval(ints, bools, param) && Right.Eval(ints, bools, param);

    public override string Render() => "(" + Left.Render() + " && " + Right.Render() + ")";
}

internal sealed record Or(BoolExpr Left, BoolExpr Right) : BoolExpr
{
    public override bool Eval(int[] ints, bool[] bools, int param) => Left.Eval(ints, bools, param) || Right.Eval(ints, bools, param);

    public override string Render() => "(" + Left.Render() + " || " + Right.Render() + ")";
}

internal sealed record Compare(IntExpr Left, string Operator, IntExpr Right) : BoolExpr
{
    public static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">="];

    public override bool Eval(int[] ints, bool[] bools, int param)
    {
        int l = Left.Eval(ints, bools, param), r = Right.Eval(ints, bools, param);
        return Operator switch
        {
            "==" => l == r,
            "!=" => l != r,
            "<" => l < r,
            "<=" => l <= r,
            ">" => l > r,
            _ => l >= r,
        };
    }

    public override string Render() => Left.Render() + " " + Operator + " " + Right.Render();
}

/// <summary>One assignment: an int field gets <see cref="IntValue"/>, or a bool field gets <see cref="BoolValue"/>.</summary>
internal sealed record Assignment(int Field, IntExpr? IntValue, BoolExpr? BoolValue)
{
    public string Render() => IntValue is not null
        ? "x" + Field.ToString(CultureInfo.InvariantCulture) + " = " + IntValue.Render() + ";"
        : "b" + Field.ToString(CultureInfo.InvariantCulture) + " = " + BoolValue!.Render() + ";";
}

/// <summary>
/// An action: with <see cref="HasParameter"/> it takes <c>[Range(0, 1)] int p</c>. Its guard is a leading
/// <c>Require</c> (or, with <see cref="ReturnsBool"/>, an early <c>return false</c>); its assignments run in order;
/// an optional <c>Assert</c> after them is a failure (SM0004) when false.
/// </summary>
internal sealed record RandomAction(bool HasParameter, bool ReturnsBool, BoolExpr? Guard, IReadOnlyList<Assignment> Assignments, BoolExpr? Assertion);

/// <summary>
/// A model; with <see cref="IntsInArray"/> its int variables are the elements of one array field <c>x</c>
/// (<c>x[0]</c> for <c>x0</c>), which the checker keeps and copies as an object rather than as separate fields.
/// </summary>
internal sealed record RandomModel(
    IReadOnlyList<int> InitialInts,
    IReadOnlyList<bool> InitialBools,
    IReadOnlyList<RandomAction> Actions,
    BoolExpr? Invariant,
    BoolExpr? Terminal,
    bool IntsInArray = false)
{
    public static string ActionName(int index) => "A" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The model as a <c>[StateMachine]</c> class named <paramref name="className"/>, in its own file.</summary>
    public string Render(string className)
    {
        var text = new StringBuilder();
        text.Append(Infrastructure.TestCompilation.Usings);
        text.Append("namespace Differential;\n\n[StateMachine]\npublic partial class ").Append(className).Append("\n{\n");
        if (IntsInArray)
        {
            text.Append("    int[] x = { ").Append(string.Join(", ", InitialInts.Select(v => v.ToString(CultureInfo.InvariantCulture)))).Append(" };\n");
        }
        else
        {
            for (int i = 0; i < InitialInts.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    int x{i} = {InitialInts[i]};\n");
            }
        }

        int members = text.Length;

        for (int i = 0; i < InitialBools.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    bool b{i} = {(InitialBools[i] ? "true" : "false")};\n");
        }

        for (int a = 0; a < Actions.Count; a++)
        {
            var action = Actions[a];
            text.Append("\n    [Action] ").Append(action.ReturnsBool ? "bool " : "void ").Append(ActionName(a))
                .Append(action.HasParameter ? "([Range(0, 1)] int p)" : "()").Append("\n    {\n");
            if (action.Guard is not null)
            {
                text.Append(action.ReturnsBool
                    ? "        if (!(" + action.Guard.Render() + ")) return false;\n"
                    : "        Require(" + action.Guard.Render() + ");\n");
            }

            foreach (var assignment in action.Assignments)
            {
                text.Append("        ").Append(assignment.Render()).Append('\n');
            }

            if (action.Assertion is not null)
            {
                text.Append("        Assert(").Append(action.Assertion.Render()).Append(");\n");
            }

            if (action.ReturnsBool)
            {
                text.Append("        return true;\n");
            }

            text.Append("    }\n");
        }

        if (Invariant is not null)
        {
            text.Append("\n    [Invariant] bool Inv() => ").Append(Invariant.Render()).Append(";\n");
        }

        if (Terminal is not null)
        {
            text.Append("\n    [Terminal] bool Done() => ").Append(Terminal.Render()).Append(";\n");
        }

        text.Append("}\n");
        if (IntsInArray)
        {
            // The expressions name the variables x0, x1, …: each becomes its element of the array.
            var body = System.Text.RegularExpressions.Regex.Replace(text.ToString(members, text.Length - members), @"\bx(\d)\b", "x[$1]");
            text.Length = members;
            text.Append(body);
        }

        return text.ToString();
    }

    /// <summary>Smaller models that keep the same variables: for shrinking a disagreement to its core.</summary>
    public IEnumerable<RandomModel> Shrinks()
    {
        if (Invariant is not null)
        {
            yield return this with { Invariant = null };
        }

        if (Terminal is not null)
        {
            yield return this with { Terminal = null };
        }

        for (int a = 0; a < Actions.Count; a++)
        {
            if (Actions.Count > 1)
            {
                yield return this with { Actions = Actions.Where((_, i) => i != a).ToList() };
            }

            var action = Actions[a];
            if (action.Guard is not null)
            {
                yield return WithAction(a, action with { Guard = null });
            }

            if (action.Assertion is not null)
            {
                yield return WithAction(a, action with { Assertion = null });
            }

            if (action.ReturnsBool)
            {
                yield return WithAction(a, action with { ReturnsBool = false });
            }

            for (int s = 0; s < action.Assignments.Count; s++)
            {
                yield return WithAction(a, action with { Assignments = action.Assignments.Where((_, i) => i != s).ToList() });
            }
        }
    }

    private RandomModel WithAction(int index, RandomAction action) =>
        this with { Actions = Actions.Select((x, i) => i == index ? action : x).ToList() };
}
