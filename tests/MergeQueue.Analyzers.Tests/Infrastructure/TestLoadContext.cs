using System.Runtime.Loader;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// A load context for an assembly a test compiled, never unloaded. The test host crashed in about one full run in three
/// (segfaults inside the runtime's collector) while every generated explorer was loaded into a collectible context and
/// unloaded after its test. Generated code then kept buffers in thread statics, and the runtime has had races between
/// unloading such assemblies and the exit of threads that used them; it no longer has thread statics (the adapter hands
/// it per-thread arrays, and CollectibleLoadingTests unloads one explorer), but the tests keep the safe way. Keeping
/// the assemblies costs the host some memory.
/// </summary>
internal static class TestLoadContext
{
    public static AssemblyLoadContext Create(string name) => new(name, isCollectible: false);
}
