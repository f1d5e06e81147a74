using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// A method, accessor, local function or lambda compiled to closures. Calls hold the object before its body is
/// compiled, so that recursion and forward references work.
/// </summary>
internal sealed class CompiledFunction(string name, int parameterCount)
{
    public string Name { get; } = name;

    public int ParameterCount { get; } = parameterCount;

    /// <summary>Parameters first, then locals; final once compiled.</summary>
    public int SlotCount { get; set; } = parameterCount;

    public Stmt? Body { get; set; }

    /// <summary>The body when it is one returned expression: evaluated without statement machinery.</summary>
    public Expr? ExpressionBody { get; set; }

    /// <summary>The site of <see cref="ExpressionBody"/>, for failures in it.</summary>
    public object? ExpressionSite { get; set; }

    /// <summary>Whether a lambda or local function inside may capture the frame, which then cannot be reused.</summary>
    public bool CapturesFrame { get; set; }

    public Value Run(Frame frame)
    {
        if (ExpressionBody is { } expression)
        {
            frame.Ex.Site = ExpressionSite;
            return expression(frame);
        }

        return Body!(frame) == Flow.Return ? frame.Ex.ReturnValue : default;
    }

    public override string ToString() => Name;
}
