using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.Analyzer;

/// <summary>
/// Moves a location of a cached result onto the same file of the current compilation: the cache key guarantees
/// the file's text is unchanged, so the span still points at the same code, but the driver only accepts
/// locations in its own syntax trees.
/// </summary>
internal sealed class LocationMap(Compilation compilation)
{
    private Dictionary<string, SyntaxTree>? treesByPath;

    public Location? Current(object? site)
    {
        if (site is not Location { SourceTree: { } tree } location)
        {
            return null;
        }

        if (compilation.ContainsSyntaxTree(tree))
        {
            return location;
        }

        treesByPath ??= BuildIndex();
        return treesByPath.TryGetValue(tree.FilePath, out var current) ? Location.Create(current, location.SourceSpan) : null;
    }

    private Dictionary<string, SyntaxTree> BuildIndex()
    {
        var index = new Dictionary<string, SyntaxTree>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            index[tree.FilePath] = tree;
        }

        return index;
    }
}
