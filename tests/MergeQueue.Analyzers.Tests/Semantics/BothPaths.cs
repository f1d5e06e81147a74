using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Semantics;

/// <summary>Explores one model through the interpreter behind the analyzer and through the generated <c>Explore()</c>.</summary>
internal static class BothPaths
{
    public static (GeneratedResult Interpreted, GeneratedResult Generated) Explore(string typeName, params string[] sources) =>
        Explore(typeName, (ExplorationOptions?)null, sources);

    /// <summary>Both results, each explored with the same <paramref name="options"/> (null: the defaults).</summary>
    public static (GeneratedResult Interpreted, GeneratedResult Generated) Explore(string typeName, ExplorationOptions? options, params string[] sources)
    {
        var compiled = ModelSources.Compile(typeName, sources);
        Assert.True(compiled.Model is not null, "The front end did not compile " + typeName + ":\n" + string.Join("\n", compiled.Diagnostics));
        var interpreted = GeneratedResult.From(Explorer.Explore(compiled.Model!, options));
        var generated = GeneratorRun.Explore(typeName, options, sources);
        return (interpreted, generated);
    }

    /// <summary>A model class <paramref name="name"/> with <paramref name="members"/>, after <paramref name="extra"/> declarations.</summary>
    public static string Model(string name, string members, string extra = "", string attribute = "[StateMachine]") =>
        TestCompilation.Usings + extra + "\n" + attribute + "\npublic partial class " + name + "\n{\n" + members + "\n}\n";
}
