using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>Builds a compilation of model source the way a user's project compiles it.</summary>
internal static class TestCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly MetadataReference[] References =
        Net80.References.All
            .Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .ToArray();

    /// <summary>A compilation of <paramref name="sources"/>; fails the test if the C# itself does not compile.</summary>
    public static CSharpCompilation Create(params string[] sources)
    {
        var compilation = CreateUnchecked(sources);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test model does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }

    /// <summary>A compilation that may contain C# errors (for models that do not compile).</summary>
    public static CSharpCompilation CreateUnchecked(params string[] sources) => CSharpCompilation.Create(
        "TestModels",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Model{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The usings every model file starts with in the tests.</summary>
    public const string Usings = "using System;\nusing System.Linq;\nusing System.Collections.Generic;\nusing MergeQueue.Analyzers;\nusing static MergeQueue.Analyzers.Spec;\n";
}
