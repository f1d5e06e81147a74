using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Liveness;

/// <summary>The fairness a model declares with attributes reaches the liveness check.</summary>
public sealed class FairnessAttributeTests
{
    [Fact]
    public async Task An_action_with_no_fairness_may_never_happen()
    {
        // By hand: Finish is enabled in the initial state and is the only action. Weakly fair, it must be taken:
        // <>done holds. With Fairness.None the behavior may stutter in the initial state forever.
        const string model = TestCompilation.Usings + """
            [StateMachine]
            partial class Job
            {
                bool done;
                [Action(Fairness = Fairness.None)] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
                [Eventually] bool {|SM0003:Finished|}() => done;
            }
            """;

        var diagnostics = await AnalyzerRun.VerifyAsync(model);

        var lines = diagnostics.Single("SM0003").MessageLines();
        Assert.Equal("0: initial state: done = false", lines[1]);
        Assert.Equal("stays here forever", lines[2]);
    }

    [Fact]
    public async Task A_weakly_fair_action_is_eventually_taken()
    {
        const string model = TestCompilation.Usings + """
            [StateMachine]
            partial class Job
            {
                bool done;
                [Action] void Finish() { Require(!done); done = true; }
                [Terminal] bool Done => done;
                [Eventually] bool Finished() => done;
            }
            """;

        await AnalyzerRun.VerifyAsync(model);
    }

    [Fact]
    public async Task Process_parameter_makes_fairness_hold_per_process()
    {
        // By hand: each process toggles its own flag, forever. With one weak-fairness obligation for the whole
        // action, process 0 toggling forever satisfies it while process 1 never moves, so <>seen1 fails. With
        // [Process], process 1 is continuously enabled and so must eventually move: <>seen1 holds.
        const string perAction = TestCompilation.Usings + """
            [StateMachine]
            partial class Pair
            {
                readonly bool[] flag = new bool[2];
                bool seen1;
                [Action] void Toggle([Range(0, 1)] int self) { flag[self] = !flag[self]; if (self == 1) seen1 = true; }
                [Eventually] bool {|SM0003:ProcessOneMoved|}() => seen1;
            }
            """;
        var perProcess = perAction
            .Replace("void Toggle([Range(0, 1)] int self)", "void Toggle([Process][Range(0, 1)] int self)")
            .Replace("{|SM0003:ProcessOneMoved|}", "ProcessOneMoved");

        await AnalyzerRun.VerifyAsync(perAction);
        await AnalyzerRun.VerifyAsync(perProcess);
    }

    [Fact]
    public async Task Leads_to_is_checked_for_each_parameter_value()
    {
        // By hand: Send(m) makes sent[m] true; Deliver delivers only message 0. Sent(0) ~> Delivered(0) holds;
        // Sent(1) ~> Delivered(1) fails (message 1 is never delivered), so exactly one SM0003, for m: 1.
        const string model = TestCompilation.Usings + """
            [StateMachine]
            partial class Channel
            {
                readonly bool[] sent = new bool[2];
                readonly bool[] delivered = new bool[2];
                [Action] void Send([Range(0, 1)] int m) { Require(!sent[m]); sent[m] = true; }
                [Action] void Deliver() { Require(sent[0] && !delivered[0]); delivered[0] = true; }
                [Terminal] bool Quiet() => true;
                [LeadsTo(nameof(Delivered))] bool {|SM0003:Sent|}([Range(0, 1)] int m) => sent[m];
                bool Delivered(int m) => delivered[m];
            }
            """;

        var diagnostics = await AnalyzerRun.VerifyAsync(model);

        Assert.StartsWith("[LeadsTo] 'Sent(m: 1)' ~> 'Delivered(m: 1)' fails", diagnostics.Single("SM0003").MessageLines()[0]);
    }
}
