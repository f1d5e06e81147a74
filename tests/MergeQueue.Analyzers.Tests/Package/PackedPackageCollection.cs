using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>The package is packed once for every test that consumes it.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackageFixture>
{
    public const string Name = "Packed package";
}
