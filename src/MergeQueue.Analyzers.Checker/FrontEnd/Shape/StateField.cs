using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>One state field: an instance field, or the backing field of an auto-property (named after the property).</summary>
internal sealed record StateField(IFieldSymbol Symbol, string Name, VType Type, Location Location);
