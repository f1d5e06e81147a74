namespace MergeQueue.Analyzers.Engine;

/// <summary>The three ways an execution ends.</summary>
public enum StepOutcomeKind
{
    /// <summary>The action ran and produced a successor (which may equal the state: a stuttering step).</summary>
    Enabled,

    /// <summary>A <c>Require</c> was false or the action returned false; its writes are discarded.</summary>
    Disabled,

    /// <summary>The execution failed.</summary>
    Failed,
}
