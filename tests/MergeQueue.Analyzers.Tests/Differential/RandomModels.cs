using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace MergeQueue.Analyzers.Tests.Differential;

/// <summary>
/// FsCheck generators of random models: 2–4 int variables (initially 0..3; in a third of the models the elements
/// of one array), 0–2 bool fields, 1–4 actions.
/// </summary>
internal static class RandomModels
{
    /// <summary><paramref name="count"/> models from a pinned seed: the same list on every run and machine.</summary>
    public static IReadOnlyList<RandomModel> Sample(ulong seed, int count) =>
        Gen.Sample(Model, count, new Rnd(seed, 0x9E3779B97F4A7C15UL | 1), 10);

    public static readonly Gen<RandomModel> Model =
        from ints in Gen.Choose(2, 4)
        from bools in Gen.Choose(0, 2)
        from initialInts in Gen.ArrayOf(Gen.Choose(0, 3), ints)
        from initialBools in Gen.ArrayOf(Gen.Elements(false, true), bools)
        from actionCount in Gen.Frequency((1, Gen.Constant(1)), (2, Gen.Constant(2)), (3, Gen.Choose(3, 4)))
        from actions in Gen.ArrayOf(Action(ints, bools), actionCount)
        from invariant in Optional(Bool(ints, bools, false, 2), 2)
        from terminal in Optional(Bool(ints, bools, false, 2), 3)
        from inArray in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RandomModel(initialInts, initialBools, actions, invariant, terminal, inArray);

    private static Gen<RandomAction> Action(int ints, int bools) =>
        from hasParameter in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from returnsBool in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from guard in Optional(Bool(ints, bools, hasParameter, 2), 4)
        from count in Gen.Choose(1, 3)
        from assignments in Gen.ArrayOf(Assignment(ints, bools, hasParameter), count)
        from assertion in Optional(Bool(ints, bools, hasParameter, 1), 1, 5)
        select new RandomAction(hasParameter, returnsBool, guard, assignments, assertion);

    private static Gen<Assignment> Assignment(int ints, int bools, bool hasParameter)
    {
        var toInt = from field in Gen.Choose(0, ints - 1)
                    from value in Int(ints, hasParameter, allowStep: true)
                    select new Assignment(field, value, null);
        if (bools == 0)
        {
            return toInt;
        }

        var toBool = from field in Gen.Choose(0, bools - 1)
                     from value in Bool(ints, bools, hasParameter, 1)
                     select new Assignment(field, null, value);
        return Gen.Frequency((3, toInt), (1, toBool));
    }

    private static Gen<IntExpr> Int(int ints, bool hasParameter, bool allowStep)
    {
        var atoms = new List<(int, Gen<IntExpr>)>
        {
            (allowStep ? 1 : 2, Gen.Choose(0, 3).Select(v => (IntExpr)new IntConst(v))),
            (allowStep ? 2 : 4, Gen.Choose(0, ints - 1).Select(i => (IntExpr)new IntField(i))),
        };
        var variables = new List<Gen<IntExpr>> { Gen.Choose(0, ints - 1).Select(i => (IntExpr)new IntField(i)) };
        if (hasParameter)
        {
            atoms.Add((1, Gen.Constant((IntExpr)new IntParam())));
            variables.Add(Gen.Constant((IntExpr)new IntParam()));
        }

        if (allowStep)
        {
            // (v + 1) % k, (v - 1) % k (negative remainders), (v + int.MaxValue) % 4 (a wrapping addition).
            var step = from operand in Gen.OneOf(variables)
                       from delta in Gen.Elements(1, -1, 1, -1, int.MaxValue)
                       from modulus in Gen.Elements(2, 3, 4)
                       select (IntExpr)new IntStep(operand, delta, modulus);
            atoms.Add((6, step));
        }

        return Gen.Frequency(atoms);
    }

    private static Gen<BoolExpr> Bool(int ints, int bools, bool hasParameter, int depth)
    {
        var compare = from left in Int(ints, hasParameter, allowStep: false)
                      from op in Gen.Elements(Compare.Operators)
                      from right in Int(ints, hasParameter, allowStep: false)
                      select (BoolExpr)new Compare(left, op, right);
        var leaves = new List<(int, Gen<BoolExpr>)> { (6, compare), (1, Gen.Elements(false, true).Select(v => (BoolExpr)new BoolConst(v))) };
        if (bools > 0)
        {
            leaves.Add((3, Gen.Choose(0, bools - 1).Select(i => (BoolExpr)new BoolField(i))));
        }

        var leaf = Gen.Frequency(leaves);
        if (depth == 0)
        {
            return leaf;
        }

        var smaller = Bool(ints, bools, hasParameter, depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (1, smaller.Select(e => (BoolExpr)new Not(e))),
            (2, from l in smaller from r in smaller select (BoolExpr)new And(l, r)),
            (2, from l in smaller from r in smaller select (BoolExpr)new Or(l, r)));
    }

    /// <summary>Null with weight <paramref name="none"/>, a value with weight <paramref name="some"/>.</summary>
    private static Gen<T?> Optional<T>(Gen<T> gen, int some, int none = 1)
        where T : class =>
        Gen.Frequency((none, Gen.Constant<T?>(null)), (some, gen.Select(v => (T?)v)));
}
