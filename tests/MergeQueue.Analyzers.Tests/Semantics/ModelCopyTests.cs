using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>
/// A property that runs an action on a copy of the state it made (Braf's "is before --> this a Seek(o) step?",
/// answered by running Seek on a clone of before): the copy's writes are its own, in both paths, and asking leaves
/// the state as it is. Counts by hand beside each.
/// </summary>
public sealed class ModelCopyTests
{
    private const string Buffer = """
        int[] buff = new int[2];
        int curr;

        [Action] bool Write([Range(0, 1)] int v) { if (curr > 1) return false; buff[curr] = v; curr++; return true; }
        [Action] bool Reset() { if (curr == 0) return false; curr = 0; return true; }

        Buffer Clone() { var copy = (Buffer)MemberwiseClone(); copy.buff = (int[])buff.Clone(); return copy; }
        bool Same(Buffer other) => curr == other.curr && buff.SequenceEqual(other.buff);

        static bool IsStep(Buffer before, Buffer after, Func<Buffer, bool> operation)
        {
            var expected = before.Clone();
            return operation(expected) && expected.Same(after);
        }

        // Reset is enabled exactly when curr > 0: asked of a clone, whose Reset writes the clone only.
        [Invariant] bool CanReset => Clone().Reset() == (curr > 0);
        """;

    [Fact]
    public void An_action_run_on_a_clone_inside_a_property_writes_the_clone_only()
    {
        // buff is any of 4 pairs whatever curr is (Write(v) at curr sets buff[curr]; Reset keeps buff): curr 0, 1, 2
        // times 4 = 12 states. A Write(v) step leaves v at curr - 1.
        string source = BothPaths.Model("Buffer", Buffer + """

            [StepInvariant]
            bool WriteStep(Buffer before) =>
                Enumerable.Range(0, 2).All(v => !IsStep(before, this, s => s.Write(v)) || buff[curr - 1] == v);
            """);
        var (interpreted, generated) = BothPaths.Explore("Buffer", source);
        Assert.Empty(interpreted.Violations);
        Assert.Empty(generated.Violations);
        Assert.Equal(12, interpreted.DistinctStates);
        Assert.Equal(12, generated.DistinctStates);
    }

    [Fact]
    public void A_step_recognised_by_running_its_action_on_a_clone_of_the_state_before_is_reported()
    {
        // Write(0) from the initial state is no Write(1) step; Write(1) is: violated by step 1, after which
        // exploration stops.
        string source = BothPaths.Model("Buffer", Buffer + """

            [StepInvariant] bool NoWriteOfOne(Buffer before) => !IsStep(before, this, s => s.Write(1));
            """);
        var (interpreted, generated) = BothPaths.Explore("Buffer", source);
        Assert.Equal(
            "StepInvariantViolated: Step invariant 'NoWriteOfOne' is violated by step 1\n0: initial state: buff = [0, 0], curr = 0\n1: Write(v: 1): buff = [1, 0], curr = 1",
            Assert.Single(interpreted.Violations));
        Assert.Equal(interpreted.Violations, generated.Violations);
    }
}
