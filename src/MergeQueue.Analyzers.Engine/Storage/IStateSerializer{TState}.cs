namespace MergeQueue.Analyzers.Engine;

/// <summary>Writes states as bytes and reads them back, for a frontier kept in a file (<see cref="FrontierFile{TState}"/>).</summary>
/// <typeparam name="TState">The model's state type.</typeparam>
internal interface IStateSerializer<TState>
{
    /// <summary>Writes <paramref name="state"/> at <paramref name="at"/>, growing <paramref name="buffer"/> as needed; returns where it ends.</summary>
    int Write(TState state, ref byte[] buffer, int at);

    /// <summary>Reads the state written at <paramref name="at"/> and moves <paramref name="at"/> past it.</summary>
    TState Read(byte[] buffer, ref int at);
}
