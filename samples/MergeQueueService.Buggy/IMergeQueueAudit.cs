namespace Acme.MergeQueue.Buggy;

/// <summary>Receives each operation the merge queue accepted, in order (an audit log, a metrics pipeline).</summary>
public interface IMergeQueueAudit
{
    /// <summary>Records one accepted operation.</summary>
    /// <param name="operation">The method: <c>Enqueue</c>, <c>RecordCiResult</c>, <c>Merge</c> or <c>Block</c>.</param>
    /// <param name="number">The PR number.</param>
    /// <param name="passed">For <c>RecordCiResult</c>, whether CI passed; null otherwise.</param>
    void Record(string operation, int number, bool? passed);
}
