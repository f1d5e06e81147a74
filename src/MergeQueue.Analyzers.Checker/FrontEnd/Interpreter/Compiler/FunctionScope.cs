using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>The variables of one function being compiled, numbered into frame slots; nested for lambdas.</summary>
internal sealed class FunctionScope(ISymbol? symbol, CompiledFunction function, FunctionScope? parent)
{
    private readonly Dictionary<ISymbol, int> slots = new(SymbolEqualityComparer.Default);
    private int temporaries;

    public ISymbol? Symbol { get; } = symbol;

    public CompiledFunction Function { get; } = function;

    public FunctionScope? Parent { get; } = parent;

    public int Depth { get; } = parent is null ? 0 : parent.Depth + 1;

    /// <summary>Whether <c>return false</c> in this function disables an action (it is an action's own body).</summary>
    public bool IsAction { get; init; }

    /// <summary>The function's return type, for converting what <c>return</c> yields.</summary>
    public ITypeSymbol? ReturnType { get; init; }

    public int Declare(ISymbol variable)
    {
        if (!slots.TryGetValue(variable, out int slot))
        {
            slot = slots.Count + temporaries;
            slots.Add(variable, slot);
            Function.SlotCount = slots.Count + temporaries;
        }

        return slot;
    }

    /// <summary>A slot for a value the compiled code keeps for a moment (the receiver of <c>?.</c>).</summary>
    public int DeclareTemporary()
    {
        int slot = Function.SlotCount;
        Function.SlotCount = slot + 1;
        temporaries++;
        return slot;
    }

    public bool TryGet(ISymbol variable, out int slot) => slots.TryGetValue(variable, out slot);

    public bool Owns(ISymbol variable) =>
        SymbolEqualityComparer.Default.Equals(variable.ContainingSymbol, Symbol);
}
