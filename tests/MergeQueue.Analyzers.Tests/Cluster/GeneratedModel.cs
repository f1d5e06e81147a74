extern alias EngineLibrary;

using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;
using EngineOptions = EngineLibrary::MergeQueue.Analyzers.ExplorationOptions;
using EngineResult = EngineLibrary::MergeQueue.Analyzers.ExplorationResult;

namespace MergeQueue.Analyzers.Tests.Cluster;

/// <summary>
/// A model compiled with its generated <c>Explore()</c> and <c>ExploreAsync()</c>, loaded (under a name of its own,
/// so that a shard's host finds exactly this assembly by the adapter's type name) until disposed.
/// </summary>
internal sealed class GeneratedModel : IDisposable
{
    private readonly AssemblyLoadContext context;
    private readonly MethodInfo explore;
    private readonly MethodInfo exploreAsync;

    private GeneratedModel(AssemblyLoadContext context, Type type)
    {
        this.context = context;
        explore = type.GetMethod("Explore") ?? throw new InvalidOperationException("No Explore() on " + type);
        exploreAsync = type.GetMethod("ExploreAsync") ?? throw new InvalidOperationException("No ExploreAsync() on " + type);
    }

    public static GeneratedModel Load(string typeName, params string[] sources) => Load(GeneratorRun.Compilation(sources), typeName);

    public static GeneratedModel Load(Microsoft.CodeAnalysis.Compilation compilation, string typeName)
    {
        var (output, _) = GeneratorRun.Run(compilation.WithAssemblyName("ClusterModel" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("ClusterModel", isCollectible: true);
        return new GeneratedModel(context, context.LoadFromStream(image).GetType(typeName, throwOnError: true)!);
    }

    public EngineResult Explore(EngineOptions options) => (EngineResult)Invoke(explore, options);

    public Task<EngineResult> ExploreAsync(EngineOptions options) => (Task<EngineResult>)Invoke(exploreAsync, options);

    public void Dispose() => context.Unload();

    private static object Invoke(MethodInfo method, EngineOptions options)
    {
        try
        {
            return method.Invoke(null, new object[] { options })!;
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
            throw;
        }
    }
}
