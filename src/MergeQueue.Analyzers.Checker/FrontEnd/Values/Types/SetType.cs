namespace MergeQueue.Analyzers.FrontEnd.Values.Types;

/// <summary><c>HashSet&lt;T&gt;</c>, printed <c>{1, 2}</c> in sorted order.</summary>
internal sealed class SetType(VType element)
    : TableType(element, null, "HashSet<" + element.Name + ">", "System.Collections.Generic.HashSet`1[" + element.ClrName + "]", 0x5345)
{
    public override VType? ElementType => Key;
}
