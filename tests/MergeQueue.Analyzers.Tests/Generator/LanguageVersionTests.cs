using System.IO;
using System.Linq;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using MergeQueue.Analyzers.Generator;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Generator;

/// <summary>
/// A netstandard2.0 or net472 library compiles at C# 7.3 unless it says otherwise: the generated <c>Explore()</c>
/// compiles there too, through both adapters (states encoded as bytes, and instances when a struct cannot be rebuilt).
/// </summary>
public sealed class LanguageVersionTests
{
    [Theory]
    [InlineData("netstandard2.0", "Library.FixedQueue")]
    [InlineData("netstandard2.0", "Library.Inventory")]
    [InlineData("net472", "Library.FixedQueue")]
    [InlineData("net472", "Library.Inventory")]
    [InlineData("netstandard2.0", "Library.InventoryGeneral")]
    public void Generated_explorer_compiles_at_CSharp_7_3(string framework, string model)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var references = (framework == "net472" ? Net472.References.All : NetStandard20.References.All)
            .Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .Append(GeneratorRun.Engine);
        var compilation = CSharpCompilation.Create(
            "Library",
            new[] { CSharpSyntaxTree.ParseText(model.EndsWith("FixedQueue", System.StringComparison.Ordinal) ? CSharp73Models.FixedQueue : model.EndsWith("General", System.StringComparison.Ordinal) ? CSharp73Models.InventoryGeneral : CSharp73Models.Inventory, parseOptions, path: "Model.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var driver = CSharpGeneratorDriver.Create(new[] { new StateMachineGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);

        Assert.Empty(driverDiagnostics);
        // Explore() and the conformance members, one file each.
        var trees = driver.GetRunResult().GeneratedTrees;
        Assert.Equal(2, trees.Length);
        var generated = string.Join("\n", trees.Select(t => t.ToString()));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The generated code does not compile at C# 7.3:\n" + string.Join("\n", errors) + "\n" + generated);
        Assert.DoesNotContain("#nullable", generated);
        Assert.Contains(model.EndsWith("General", System.StringComparison.Ordinal) ? "Runtime.GeneratedModel<" : "Runtime.EncodedModel<", generated);

        if (framework == "netstandard2.0")
        {
            var result = Explore(output, model);
            Assert.True(result.Complete);
            Assert.Empty(result.Violations);
            if (model == "Library.FixedQueue")
            {
                // The README's numbers for the fixed queue at N = 3.
                Assert.Equal((656L, 1548L, 9), (result.DistinctStates, result.Transitions, result.Depth));
            }
        }
    }

    private static GeneratedResult Explore(Compilation output, string typeName)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = Infrastructure.TestLoadContext.Create("LanguageVersion");
        var explore = context.LoadFromStream(image).GetType(typeName, throwOnError: true)!.GetMethod("Explore")!;
        return GeneratedResult.From(explore.Invoke(null, new object?[] { null })!);
    }
}
