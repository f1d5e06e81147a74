using System.Threading;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>
/// Where coding or copying a state's values looks at the run's cancellation: before each value of many elements. A
/// 16-million-element array takes tens of milliseconds to code, and a state may hold several; short values are not
/// worth a look.
/// </summary>
internal static class LongValues
{
    /// <summary>Values of at least this many elements look at the cancellation first.</summary>
    public const int Threshold = 1 << 16;

    /// <summary>Throws <see cref="System.OperationCanceledException"/> when <paramref name="cancellation"/> is set and the value is long.</summary>
    public static void Check(int count, CancellationToken cancellation)
    {
        if (count >= Threshold)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
