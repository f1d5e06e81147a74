using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd;

public sealed class SmokeTests
{
    [Fact]
    public void Interpreter_runs_the_ordered_queue_by_hand()
    {
        var model = Interpreted.Of("""
            const int N = 3;
            readonly Pr[] pr = new Pr[N];
            readonly int[] queuedAt = new int[N];
            int time = 1;

            [Action] void Enqueue([Range(0, N - 1)] int p)
            {
                Require(pr[p] == Pr.Pending);
                pr[p] = Pr.Waiting;
                queuedAt[p] = time++;
            }

            [Terminal] bool AllDone() => pr.All(s => s is Pr.Merged or Pr.Blocked);
            """, "public enum Pr { Pending, Waiting, Validated, Failed, Merged, Blocked }\n");
        Assert.Equal("pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1", model.Fields());
        model.Do("Enqueue(p: 1)");
        Assert.Equal("pr = [Pending, Waiting, Pending], queuedAt = [0, 1, 0], time = 2", model.Fields());
        Assert.Equal("Require(pr[p] == Pr.Pending) is false (line 18)", model.Disabled("Enqueue(p: 1)").Text);
        Assert.False(model.Holds("AllDone"));
    }
}
