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

    /// <summary>
    /// A compilation as a project on this machine's .NET compiles it: the running runtime's own assemblies as
    /// references and the newest language version the checker's Roslyn knows, so that calls bind as users' code binds
    /// (<c>array.Contains(x)</c> to <c>MemoryExtensions</c> under first-class spans).
    /// </summary>
    public static CSharpCompilation CreateForRuntime(string path, string source)
    {
        var compilation = CSharpCompilation.Create(
            "CorpusModel",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: path) },
            RuntimeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The model does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }

    private static readonly System.Lazy<MetadataReference[]> RuntimeReferences = new(() =>
        ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(p => System.IO.Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal)
                || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(StateMachineAttribute).Assembly.Location))
            .ToArray());

    /// <summary>The usings every model file starts with in the tests.</summary>
    public const string Usings = "using System;\nusing System.Linq;\nusing System.Collections.Generic;\nusing MergeQueue.Analyzers;\nusing static MergeQueue.Analyzers.Spec;\n";
}
