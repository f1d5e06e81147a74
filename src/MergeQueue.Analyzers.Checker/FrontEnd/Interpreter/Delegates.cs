using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>A compiled expression: evaluates in a frame.</summary>
internal delegate Value Expr(Frame frame);

/// <summary>A compiled statement: runs in a frame and says how control leaves it.</summary>
internal delegate Flow Stmt(Frame frame);

/// <summary>A compiled pattern: tests a value, binding its variables in the frame.</summary>
internal delegate bool Pattern(Frame frame, Value value);
