using System.Collections.Generic;
using System.Text;
using MergeQueue.Analyzers;
using MergeQueue.Samples;
using Xunit;
using Xunit.Abstractions;

namespace Acme.MergeQueue.Tests;

/// <summary>Logs of the shipped service, replayed on the FixedQueue model.</summary>
public sealed class TraceValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Log_recorded_from_the_shipped_service_is_a_behavior_of_FixedQueue()
    {
        var log = new ModelLog();
        var service = new MergeQueue(log);
        service.Enqueue(101);
        service.Enqueue(102);
        service.Enqueue(103);
        service.RecordCiResult(101, passed: false);
        service.RecordCiResult(102, passed: true);
        service.Block(101);
        service.Merge(102);
        service.RecordCiResult(103, passed: true);
        service.Merge(103);

        var result = FixedQueue.ValidateTrace(ModelStep.ParseJsonLines(log.Text));

        Assert.True(result.Passed, result.Report);
        Assert.Equal(-1, result.FailedAt);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Log_with_a_merge_out_of_order_fails_at_that_entry_with_the_Require_that_is_false()
    {
        string log = string.Join("\n",
            "{\"action\": \"Enqueue\", \"args\": {\"p\": 0}}",
            "{\"action\": \"Enqueue\", \"args\": {\"p\": 1}}",
            "{\"action\": \"RunCi\", \"args\": {\"p\": 1, \"passes\": true}}",
            "{\"action\": \"Merge\", \"args\": {\"p\": 1}}");

        var result = FixedQueue.ValidateTrace(ModelStep.ParseJsonLines(log));
        output.WriteLine(result.Report);

        Assert.False(result.Passed);
        Assert.Equal(3, result.FailedAt);
        Assert.Contains("Merge(p: 1): Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 35)", result.Report);
    }

    [Fact]
    public void Log_that_leaves_out_the_CI_outcome_is_replayed_with_the_only_outcome_that_fits()
    {
        // The CI line carries no outcome; only a failed run lets Block follow, so one state remains.
        string log = "{\"action\": \"Enqueue\", \"args\": {\"p\": 2}}\n{\"action\": \"RunCi\", \"args\": {\"p\": 2}}\n{\"action\": \"Block\", \"args\": {\"p\": 2}}";

        var result = FixedQueue.ValidateTrace(ModelStep.ParseJsonLines(log));

        Assert.True(result.Passed, result.Report);
        Assert.Equal(1, result.Behaviors);
    }

    /// <summary>The audit sink a team would write to ship the service's log in the model's words: PR 101 + p is p.</summary>
    private sealed class ModelLog : IMergeQueueAudit
    {
        private readonly StringBuilder text = new();

        public string Text => text.ToString();

        public void Record(string operation, int number, bool? passed)
        {
            var args = new List<string> { "\"p\": " + (number - 101) };
            if (passed is bool outcome)
            {
                args.Add("\"passes\": " + (outcome ? "true" : "false"));
            }

            string action = operation == nameof(MergeQueue.RecordCiResult) ? "RunCi" : operation;
            text.Append("{\"action\": \"").Append(action).Append("\", \"args\": {").Append(string.Join(", ", args)).Append("}}\n");
        }
    }
}
