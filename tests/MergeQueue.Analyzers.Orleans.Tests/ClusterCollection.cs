using Xunit;

namespace MergeQueue.Analyzers.Orleans.Tests;

/// <summary>The tests that share <see cref="ClusterFixture"/>'s cluster.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-silo cluster";
}
