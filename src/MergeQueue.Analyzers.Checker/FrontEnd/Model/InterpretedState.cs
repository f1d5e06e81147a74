using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>
/// An immutable snapshot of every state field of an interpreted model, with its stable 64-bit hash. Objects a
/// step did not write are shared with the state it started from.
/// </summary>
internal sealed class InterpretedState
{
    internal InterpretedState(Value[] fields, long hash)
    {
        Fields = fields;
        Hash = hash;
    }

    internal Value[] Fields { get; }

    /// <summary>A hash of the canonical form of the fields: equal states hash alike in every process.</summary>
    public long Hash { get; }
}
