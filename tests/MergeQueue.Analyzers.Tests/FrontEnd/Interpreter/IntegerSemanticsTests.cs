using MergeQueue.Analyzers.Engine;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>C# integer semantics: wrap-around, checked overflow, division, shifts, promotions and conversions.</summary>
public sealed class IntegerSemanticsTests
{
    [Fact]
    public void Interpreter_wraps_int_overflow_outside_checked()
    {
        var model = Interpreted.Of("""
            int x = int.MaxValue;
            long y = long.MaxValue;
            [Action] void Step() { x++; y += 1; }
            """);
        model.Do("Step()");
        Assert.Equal("-2147483648", model["x"]);
        Assert.Equal("-9223372036854775808", model["y"]);
    }

    [Fact]
    public void Interpreter_throws_OverflowException_in_checked_context()
    {
        var model = Interpreted.Of("""
            int x = int.MaxValue;
            [Action] void Add() { checked { x = x + 1; } }
            [Action] void Increment() { checked { x++; } }
            [Action] void Multiply() { x = checked(x * 2); }
            """);
        foreach (var action in new[] { "Add()", "Increment()", "Multiply()" })
        {
            var failure = model.Fails(action);
            Assert.Equal(FailureKind.Exception, failure.Kind);
            Assert.Equal("OverflowException: Arithmetic operation resulted in an overflow.", failure.Message);
        }
    }

    [Fact]
    public void Interpreter_throws_DivideByZeroException_for_division_and_modulo_by_zero()
    {
        var model = Interpreted.Of("""
            int x = 7;
            int zero;
            [Action] void Divide() { x = x / zero; }
            [Action] void Modulo() { x %= zero; }
            """);
        Assert.Equal("DivideByZeroException: Attempted to divide by zero.", model.Fails("Divide()").Message);
        Assert.Equal("DivideByZeroException: Attempted to divide by zero.", model.Fails("Modulo()").Message);
    }

    [Fact]
    public void Interpreter_throws_OverflowException_for_MinValue_divided_by_minus_one_even_unchecked()
    {
        var model = Interpreted.Of("""
            int x = int.MinValue;
            int minusOne = -1;
            [Action] void Divide() { x = x / minusOne; }
            """);
        Assert.Equal("OverflowException: Arithmetic operation resulted in an overflow.", model.Fails("Divide()").Message);
    }

    [Fact]
    public void Interpreter_truncates_division_and_keeps_the_sign_of_the_dividend_in_modulo()
    {
        var model = Interpreted.Of("""
            int q = -7 / 2;
            int r;
            int s;
            M() { int a = -7; r = a % 3; s = a / 2; }
            [Action] void Step() { }
            """);
        Assert.Equal("-3", model["q"]);
        Assert.Equal("-1", model["r"]);
        Assert.Equal("-3", model["s"]);
    }

    [Fact]
    public void Interpreter_wraps_small_types_in_compound_assignment_and_increment()
    {
        var model = Interpreted.Of("""
            byte b = 250;
            sbyte sb = 127;
            ushort us;
            char c = 'a';
            [Action] void Step() { b += 10; sb++; us--; c++; }
            [Action] void CheckedByte() { checked { b += 10; } }
            """);
        model.Do("Step()");
        Assert.Equal("4", model["b"]);
        Assert.Equal("-128", model["sb"]);
        Assert.Equal("65535", model["us"]);
        Assert.Equal("'b'", model["c"]);
        model = Interpreted.Of("byte b = 250;\n[Action] void CheckedByte() { checked { b += 10; } }");
        Assert.Equal("OverflowException: Arithmetic operation resulted in an overflow.", model.Fails("CheckedByte()").Message);
    }

    [Fact]
    public void Interpreter_handles_unsigned_arithmetic_and_comparison()
    {
        var model = Interpreted.Of("""
            uint u = 0;
            ulong big = ulong.MaxValue;
            bool bigger;
            long negated;
            [Action] void Step() { u--; bigger = big > 1UL; negated = -u; big = big >> 60; }
            """);
        model.Do("Step()");
        Assert.Equal("4294967295", model["u"]);
        Assert.Equal("true", model["bigger"]);
        Assert.Equal("-4294967295", model["negated"]);
        Assert.Equal("15", model["big"]);
    }

    [Fact]
    public void Interpreter_masks_shift_counts_like_CSharp()
    {
        var model = Interpreted.Of("""
            int a = 1 << 33;
            int b;
            int c;
            int d;
            M() { int one = 1; int count = 33; b = one << count; c = -16 >> 2; d = -16 >>> 28; }
            [Action] void Step() { }
            """);
        Assert.Equal("2", model["a"]);
        Assert.Equal("2", model["b"]);
        Assert.Equal("-4", model["c"]);
        Assert.Equal("15", model["d"]);
    }

    [Fact]
    public void Interpreter_converts_between_integer_types_and_enums()
    {
        var model = Interpreted.Of("""
            int big = 300;
            byte narrowed;
            E e;
            int fromEnum;
            E unnamed;
            [Action] void Step() { narrowed = (byte)big; e = (E)2; fromEnum = (int)E.B + 10; unnamed = (E)7; }
            [Action] void CheckedNarrow() { narrowed = checked((byte)big); }
            """, "public enum E { A, B, C }\n");
        model.Do("Step()");
        Assert.Equal("44", model["narrowed"]);
        Assert.Equal("C", model["e"]);
        Assert.Equal("11", model["fromEnum"]);
        Assert.Equal("7", model["unnamed"]);
        Assert.Equal("OverflowException: Arithmetic operation resulted in an overflow.", model.Fails("CheckedNarrow()").Message);
    }

    [Fact]
    public void Interpreter_does_enum_arithmetic_and_comparison_on_the_underlying_value()
    {
        var model = Interpreted.Of("""
            E e = E.A;
            int distance;
            bool before;
            [Action] void Step() { e++; e = e + 1; distance = e - E.A; before = E.A < e; }
            """, "public enum E { A, B, C }\n");
        model.Do("Step()");
        Assert.Equal("C", model["e"]);
        Assert.Equal("2", model["distance"]);
        Assert.Equal("true", model["before"]);
    }

    [Fact]
    public void Interpreter_prints_flags_enums_like_dotnet()
    {
        var model = Interpreted.Of("""
            F f = F.Read | F.Write;
            [Action] void Step() { }
            """, "[System.Flags] public enum F { None = 0, Read = 1, Write = 2 }\n");
        Assert.Equal("Read, Write", model["f"]);
    }

    [Fact]
    public void Interpreter_implements_Math_Min_Max_Abs()
    {
        var model = Interpreted.Of("""
            int x = -5;
            int a;
            int b;
            long c;
            [Action] void Step() { a = Math.Abs(x); b = Math.Min(x, 3); c = Math.Max(2L, x); }
            [Action] void AbsOfMin() { x = int.MinValue; a = Math.Abs(x); }
            """);
        model.Do("Step()");
        Assert.Equal("5", model["a"]);
        Assert.Equal("-5", model["b"]);
        Assert.Equal("2", model["c"]);
        Assert.Equal("OverflowException: Negating the minimum value of a twos complement number is invalid.", model.Fails("AbsOfMin()").Message);
    }
}
