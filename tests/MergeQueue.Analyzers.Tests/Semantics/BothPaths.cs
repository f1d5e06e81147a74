using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>Explores one model through the interpreter behind the analyzer and through the generated <c>Explore()</c>.</summary>
internal static class BothPaths
{
    public static (GeneratedResult Interpreted, GeneratedResult Generated) Explore(string typeName, params string[] sources)
    {
        var compiled = ModelSources.Compile(typeName, sources);
        Assert.True(compiled.Model is not null, "The front end did not compile " + typeName + ":\n" + string.Join("\n", compiled.Diagnostics));
        var interpreted = GeneratedResult.From(Explorer.Explore(compiled.Model!));
        var generated = GeneratorRun.Explore(typeName, sources);
        return (interpreted, generated);
    }

    /// <summary>A model class <paramref name="name"/> with <paramref name="members"/>, after <paramref name="extra"/> declarations.</summary>
    public static string Model(string name, string members, string extra = "") =>
        TestCompilation.Usings + extra + "\n[StateMachine]\npublic partial class " + name + "\n{\n" + members + "\n}\n";
}
