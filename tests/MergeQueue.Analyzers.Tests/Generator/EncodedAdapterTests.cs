using System.Linq;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// The encoded adapter (a state is its canonical bytes) covers every value kind whose records and structs can be
/// rebuilt from their members; the models of <see cref="GeneratorTestModels"/> named Encoded* cover one kind each and
/// <see cref="AgreementTests"/> compares them with the analyzer trace by trace. Here: which adapter a model gets, and
/// the hand counts, with one worker, with two, and with fingerprints only (an Idle action keeps the last states from
/// being stuck).
/// </summary>
public sealed class EncodedAdapterTests
{
    private const string Encoded = "global::MergeQueue.Analyzers.Engine.Runtime.EncodedModel<";
    private const string General = "global::MergeQueue.Analyzers.Engine.Runtime.GeneratedModel<";

    [Theory]
    [InlineData("Collections", Encoded)]
    [InlineData("EncodedTables", Encoded)]
    [InlineData("EncodedNulls", Encoded)]
    [InlineData("EncodedRecords", Encoded)]
    [InlineData("EncodedArrays", Encoded)]
    [InlineData("EncodedReadonly", Encoded)]
    [InlineData("EncodedConstructed", Encoded)]
    [InlineData("GuardFailuresGeneral", General)]
    [InlineData("GeneralRecord", General)]
    public void A_model_gets_the_adapter_its_values_allow(string name, string adapter)
    {
        string source = GeneratorTestModels.All.Single(m => m.Name == name).Source;
        Assert.Contains(" : " + adapter + name + ">", Generated(source));
    }

    [Fact]
    public void Sets_of_arrays_lists_of_nullables_strings_and_records_get_the_encoded_adapter()
    {
        // The shape of the Disruptor and TeachingConcurrency twins, which took the general path before.
        string source = GeneratorTestModels.Source("Shapes", """
            HashSet<int>[] readers = { new(), new() };
            List<int?> ring = new() { null };
            string log = "";
            Job job = new(1, "a");
            [Action] void Go() { Require(log.Length < 1); readers[0].Add(1); ring.Add(2); log += "x"; job = job with { Id = 2 }; }
            """, "public record Job(int Id, string Name);\n");
        Assert.Contains(" : " + Encoded + "Shapes>", Generated(source));
    }

    // The corpus twins issue 12 measures (sets in arrays, lists of nullables, records of an abstract base in
    // dictionaries and sets, record structs): all encoded now.
    [Theory]
    [InlineData("TeachingConcurrency/SimpleRegular")]
    [InlineData("Disruptor/Disruptor_MPMC")]
    [InlineData("NanoBlockchain/MCNanoMedium")]
    [InlineData("DagConsensus/TLCSailfish1")]
    public void The_measured_corpus_twins_get_the_encoded_adapter(string name)
    {
        var model = Corpus.CorpusModel.Named(name);
        var compilation = TestCompilation.CreateForRuntime(model.SourcePath, model.Source).AddReferences(GeneratorRun.Engine);
        var generated = GeneratorRun.Run(compilation).Result.GeneratedTrees.Single(t => t.FilePath.EndsWith(".Explore.g.cs", System.StringComparison.Ordinal)).ToString();
        string adapter = generated.Split('\n').Single(line => line.Contains("class __MergeQueueModel", System.StringComparison.Ordinal));
        Assert.Contains(" : " + Encoded, adapter);
    }

    // By hand: n = 0 is turned down. n = 1: items ∈ {[1], [1, 0]}: 2; row of length 1: 2; box.N ∈ {10, 11}: 2; so 8.
    // n = 2: items ∈ {[2], [2, 0], [2, 0, 0]}: 3; row of length 2: 4; box.N ∈ {20, 21}: 2; so 24. In all 32.
    [Fact]
    public void Readonly_fields_each_initial_state_sets_its_own_way_round_trip() => Counts("EncodedReadonly", 32);

    // By hand: edges ⊆ {{0, 1}, {0, 2}, {1, 2}} of at most two: 1 + 3 + 3 = 7; pair.Hi ∈ {0, 1, 2}: 3. Independent: 21.
    [Fact]
    public void Values_with_get_only_members_are_rebuilt_through_their_constructors() => Counts("EncodedConstructed", 21);

    [Fact]
    public void Record_classes_are_rebuilt_without_an_instance_met_before()
    {
        // A shard of a cluster decodes states its process never built: a record is made by its parameterless constructor
        // or the one taking its members, not copied from an instance this process encoded.
        string generated = Generated(GeneratorTestModels.All.Single(m => m.Name == "EncodedRecords").Source)
            + Generated(GeneratorTestModels.All.Single(m => m.Name == "EncodedConstructed").Source);
        Assert.DoesNotContain("Prototype", generated);
    }

    [Fact]
    public void A_constructor_that_changes_what_it_is_given_stops_Explore_with_the_reason()
    {
        // Celsius(0) holds 1; rebuilt from 1 it would hold 2: the explorer cannot keep these states as bytes, says so and
        // stops, rather than explore states the model never reaches.
        string source = GeneratorTestModels.Source("Warming", """
            Celsius t = new(0);
            [Action] void Warm() { Require(t.Degrees < 3); t = new Celsius(t.Degrees); }
            [Action] void Idle() { }
            """, "public readonly struct Celsius { public int Degrees { get; } public Celsius(int d) { Degrees = d + 1; } }\n");

        var thrown = Assert.Throws<System.Reflection.TargetInvocationException>(() => GeneratorRun.Explore("Warming", source));
        Assert.Equal("ValueNotRebuiltException", thrown.InnerException!.GetType().Name);
        Assert.StartsWith("The generated explorer cannot rebuild a 'Celsius' from its members", thrown.InnerException.Message);
    }

    // By hand: set ⊆ {1, 2, 3}: 8; map's keys ⊆ {a, b}: 4; sets[0], sets[1] ⊆ {1, 2}: 4 each; independent: 8 * 4 * 4 * 4 = 512.
    // Insertion orders (1 then 2, 2 then 1…) give no more states.
    [Fact]
    public void Sets_reached_in_several_orders_are_one_state() => Counts("EncodedTables", 512);

    // By hand: name ∈ {null, "", "a", "aa"}: 4; list ∈ {[], [null], [null, 7], null}: 4; stack and queue of one length
    // L: L = 0: 1; L = 1: stack [a], queue [b] for a, b ∈ {1, 2} (a pop after two pushes takes the stack's top and the
    // queue's front): 4; L = 2: stack [a, c], queue [b, c]: 8; so 13. Independent: 4 * 4 * 13 = 208.
    [Fact]
    public void Nulls_empties_stacks_and_queues_keep_their_states_apart() => Counts("EncodedNulls", 208);

    // By hand: (sent, last): {} null, {P1} P1, {A2} A2, {P1, A2} P1, {P1, A2} A2: 5; (point, pair): 3 steps of Move
    // from (0, null): 3; counter.N ∈ {0, 1, 2}: 3. Independent: 5 * 3 * 3 = 45.
    [Fact]
    public void Derived_records_records_in_sets_and_mutable_records_round_trip() => Counts("EncodedRecords", 45);

    // By hand: rows[0] ∈ {[0], [0, 1]}: 2; rows[1] ∈ {[], [2], [2, 2], null}: 4; grid: two cells, each marked or not: 4.
    // Independent: 2 * 4 * 4 = 32.
    [Fact]
    public void Jagged_and_two_dimensional_arrays_round_trip() => Counts("EncodedArrays", 32);

    // By hand: value.A ∈ {0, 1, 2}.
    [Fact]
    public void A_record_that_cannot_be_rebuilt_explores_on_the_general_path() => Counts("GeneralRecord", 3);

    private static void Counts(string name, long states)
    {
        string source = GeneratorTestModels.All.Single(m => m.Name == name).Source;
        foreach (var options in new[]
        {
            new ExplorationOptions { Workers = 1 },
            new ExplorationOptions { Workers = 2 },
            new ExplorationOptions { Workers = 2, FingerprintsOnly = true },
        })
        {
            var result = GeneratorRun.Explore(name, options, source);
            Assert.True(states == result.DistinctStates, $"{options.Workers} worker(s), fingerprints {options.FingerprintsOnly}: " + result.Report);
            Assert.Empty(result.Violations);
            Assert.True(result.Complete);
        }
    }

    private static string Generated(string source) =>
        GeneratorRun.Run(GeneratorRun.Compilation(source)).Result.GeneratedTrees.Single(t => t.FilePath.EndsWith(".Explore.g.cs", System.StringComparison.Ordinal)).ToString();
}
