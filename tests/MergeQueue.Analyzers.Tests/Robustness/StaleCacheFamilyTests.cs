using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>
/// Issue 14's stale-result family (tests/robustness.sh): in one process, the same model files compiled again and
/// again with what once did not reach the exploration cache's key changed at random: a preprocessor symbol, overflow
/// checking, a constant or an enum of a referenced assembly, a comment. Each compilation's answer must be the one a
/// fresh exploration gives (run under another key), and the verdict the change calls for.
/// </summary>
public sealed class StaleCacheFamilyTests(ITestOutputHelper output)
{
    private const string Gated = """
        [StateMachine]
        partial class Gated
        {
            int x;
        #if BIG
            [Action] void Inc() { Require(x < 3); x++; }
        #else
            [Action] void Inc() { Require(x < 1); x++; }
        #endif
            [Invariant] bool Small() => x < 2;
        }
        """;

    private const string Wrapping = """
        [StateMachine]
        partial class Wrapping
        {
            int x = int.MaxValue - 1;
            bool done;
            [Action] void Inc() { Require(!done); x += 2; done = true; }
            [Terminal] bool Done => done;
        }
        """;

    private const string Limited = """
        [StateMachine]
        partial class Limited
        {
            int x;
            [Action] void Inc() { Require(x < Limits.Max); x++; }
            [Invariant] bool Small() => x < 2;
        }
        """;

    private const string Modes = """
        [StateMachine]
        partial class Modes
        {
            Mode mode;
            [Action] void Switch(Mode m) { mode = m; }
            [Invariant] bool NotThird() => (int)mode < 2;
        }
        """;

    private static readonly Dictionary<string, MetadataReference> Libraries = new();

    [RobustnessFact]
    public async Task Stale_cache_family()
    {
        var random = new Random(14_007);
        var tally = new FamilyTally("stale results", output);
        int inputs = RobustnessFactAttribute.Inputs(0.03);
        int stale = 0;
        for (int input = 0; input < inputs; input++)
        {
            int kind = random.Next(5);
            bool changed = random.Next(2) == 0;
            var (compilation, expectedId) = Variant(kind, changed, random);
            var cachedSettings = Settings(20_000);
            var meter = tally.Start(ResourceFamilyTests.TimeLimitSeconds, ResourceFamilyTests.MemoryLimitMegabytes);
            var cached = await AnalyzerRun.DiagnosticsAsync(compilation, cachedSettings);

            // A state bound no other input uses: a key of its own, so an exploration of its own.
            var fresh = await AnalyzerRun.DiagnosticsAsync(compilation, Settings(30_000 + input));
            bool agrees = Text(cached) == Text(fresh) && (expectedId is null ? !cached.Any(d => d.Id is "SM0001" or "SM0004") : cached.Any(d => d.Id == expectedId));
            stale += agrees ? 0 : 1;
            tally.Finish(meter, agrees ? "ok" : "stale", () => "kind " + kind + (changed ? " changed" : " as first") + ": " + Text(cached) + " vs fresh " + Text(fresh) + ", expected " + (expectedId ?? "a pass"));
        }

        tally.Report(stale + " stale");
    }

    /// <summary>The compilation of one kind's model, as first written or changed, and the id that answer must hold (null: none).</summary>
    private static (Compilation Compilation, string? ExpectedId) Variant(int kind, bool changed, Random random)
    {
        switch (kind)
        {
            case 0:
                var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: changed ? new[] { "BIG" } : Array.Empty<string>());
                var tree = CSharpSyntaxTree.ParseText(TestCompilation.Usings + Gated, options, "Model0.cs");
                var plain = TestCompilation.CreateUnchecked(string.Empty);
                return (plain.ReplaceSyntaxTree(plain.SyntaxTrees.Single(), tree), changed ? "SM0001" : null);
            case 1:
                var wrapping = TestCompilation.CreateUnchecked(TestCompilation.Usings + Wrapping);
                return (wrapping.WithOptions(wrapping.Options.WithOverflowChecks(changed)), changed ? "SM0004" : null);
            case 2:
                int max = changed ? random.Next(2, 5) : 1;
                return (TestCompilation.CreateUnchecked(TestCompilation.Usings + Limited).AddReferences(Library("public static class Limits { public const int Max = " + max + "; }")), changed ? "SM0001" : null);
            case 3:
                string members = changed ? "A, B, C" : "A, B";
                return (TestCompilation.CreateUnchecked(TestCompilation.Usings + Modes).AddReferences(Library("public enum Mode { " + members + " }")), changed ? "SM0001" : null);
            default:
                // A comment changes nothing: the same answer as the model without it.
                string commented = changed ? Gated.Replace("int x;", "int x; // " + random.Next(1000)) : Gated;
                return (TestCompilation.CreateUnchecked(TestCompilation.Usings + commented), null);
        }
    }

    private static MetadataReference Library(string code)
    {
        lock (Libraries)
        {
            if (!Libraries.TryGetValue(code, out var reference))
            {
                var library = CSharpCompilation.Create(
                    "Library",
                    new[] { CSharpSyntaxTree.ParseText(code) },
                    Basic.Reference.Assemblies.Net80.References.All,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                using var image = new MemoryStream();
                Assert.True(library.Emit(image).Success);
                reference = MetadataReference.CreateFromImage(image.ToArray());
                Libraries[code] = reference;
            }

            return reference;
        }
    }

    private static Dictionary<string, string> Settings(int maxStates) => new(ResourceFamilyTests.Bounds)
    {
        ["MergeQueueMaxStates"] = maxStates.ToString(CultureInfo.InvariantCulture),
    };

    // What the user sees; the statistics (SM0010) carry the time taken, which varies.
    private static string Text(IEnumerable<Diagnostic> diagnostics) => string.Join(
        " | ",
        diagnostics.Where(d => d.Id != "SM0010").Select(d => d.Id + "@" + d.Location.SourceSpan + ": " + d.GetMessage(CultureInfo.InvariantCulture)));
}
