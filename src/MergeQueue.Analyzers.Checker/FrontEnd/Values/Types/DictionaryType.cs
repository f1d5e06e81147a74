namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>Dictionary&lt;K,V&gt;</c>, printed <c>{a: 1, b: 2}</c> sorted by key; it enumerates key-value pairs.</summary>
internal sealed class DictionaryType(VType key, VType value, RecordType pair)
    : TableType(
        key,
        value,
        "Dictionary<" + key.Name + ", " + value.Name + ">",
        "System.Collections.Generic.Dictionary`2[" + key.ClrName + "," + value.ClrName + "]",
        0x4449)
{
    /// <summary>The <c>KeyValuePair&lt;K,V&gt;</c> the dictionary enumerates.</summary>
    public RecordType Pair { get; } = pair;

    public override VType? ElementType => Pair;
}
