namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>How control leaves a statement.</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
    Return,

    /// <summary>A <c>Require</c> was false: the execution unwinds without running anything else.</summary>
    Stop,
}
