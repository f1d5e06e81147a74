using System.Linq;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Shape;

/// <summary>
/// SM0110 for a property that writes the state, and not for one that runs the model's actions on a copy of the state
/// it made itself (Braf's step invariants: "is before --> this a Seek(o) step?" asked by running Seek on a clone).
/// </summary>
public sealed class PropertyPurityTests
{
    // The twin's shape: Clone() replaces every array of the copy, IsStep runs an operation on a copy of before.
    private const string Members = """
        int[] buff = new int[2];
        int curr;

        [Action] bool Write([Range(0, 1)] int v) { if (curr > 1) return false; buff[curr] = v; curr++; return true; }

        M Clone() { var copy = (M)MemberwiseClone(); copy.buff = (int[])buff.Clone(); return copy; }

        M Shallow() => (M)MemberwiseClone();

        bool Same(M other) => curr == other.curr && buff.SequenceEqual(other.buff);

        static bool IsStep(M before, M after, Func<M, bool> operation)
        {
            var expected = before.Clone();
            return operation(expected) && expected.Same(after);
        }

        static bool OnItself(M state, Func<M, bool> operation) => operation(state);
        """;

    [Theory]
    [InlineData("[StepInvariant] bool WriteStep(M before) => !IsStep(before, this, s => s.Write(1)) || curr > before.curr;")]
    [InlineData("[Invariant] bool CanWrite => curr > 1 || Clone().Write(0);")]
    [InlineData("[Invariant] bool Fresh { get { var m = new M(); return m.Write(1); } }")]
    public void Running_an_action_on_an_instance_the_property_made_is_not_a_write_of_the_state(string property)
    {
        Assert.DoesNotContain(Diagnostics(property), d => d.Id == "SM0110");
    }

    [Theory]
    [InlineData("[Invariant] bool CanWrite => curr > 1 || Write(0);", "buff")]
    [InlineData("[Invariant] bool SharesBuff => curr > 1 || Shallow().Write(0);", "buff")]
    [InlineData("[Invariant] bool Itself => OnItself(this, s => s.Write(0));", "buff")]
    [InlineData("[StepInvariant] bool Before(M before) => before.Write(0);", "buff")]
    public void Running_an_action_on_the_state_or_on_a_copy_sharing_its_arrays_is_a_write_of_the_state(string property, string field)
    {
        var error = Assert.Single(Diagnostics(property), d => d.Id == "SM0110");
        Assert.EndsWith("it changes the state (it writes '" + field + "'); a property only reads the state", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static System.Collections.Generic.IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Diagnostics(string property) =>
        ModelSources.Compile("M", Interpreted.Source(Members + "\n" + property)).Diagnostics;
}
