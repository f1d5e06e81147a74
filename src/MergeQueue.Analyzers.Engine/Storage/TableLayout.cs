namespace MergeQueue.Analyzers.Engine;

/// <summary>How a <see cref="FingerprintTable"/> keeps the state number of each fingerprint, if it does.</summary>
internal enum TableLayout
{
    /// <summary>In the word after the fingerprint: 16 bytes a slot, one memory miss to find a state and its number.</summary>
    NumbersBeside,

    /// <summary>In an array of their own: 12 bytes a slot, for fingerprint mode with a liveness property.</summary>
    NumbersApart,

    /// <summary>Not at all: 8 bytes a slot, and every known state answers 0.</summary>
    NoNumbers,
}
