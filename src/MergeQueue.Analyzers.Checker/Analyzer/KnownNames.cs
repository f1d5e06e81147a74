namespace MergeQueue.Analyzers.Analyzer;

/// <summary>Metadata names the analyzer matches; the attributes assembly itself is never loaded.</summary>
internal static class KnownNames
{
    public const string StateMachineAttribute = "MergeQueue.Analyzers.StateMachineAttribute";
}
