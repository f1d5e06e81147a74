using System;

namespace MergeQueue.Analyzers.Engine.Runtime;

/// <summary>
/// A struct or record in a state the generated explorer could not build back from its members: the explorer cannot hold
/// the model's states as bytes, so it stops (<c>Explore()</c> throws) rather than report on states the model never
/// reaches. Not a failure of the model.
/// </summary>
public sealed class ValueNotRebuiltException : NotSupportedException
{
    private ValueNotRebuiltException(string message)
        : base(message)
    {
    }

    /// <summary>The type's constructor, given its members' values, built a value with other members.</summary>
    /// <param name="type">The type as traces name it.</param>
    /// <returns>The exception to throw.</returns>
    public static ValueNotRebuiltException ConstructorChangedValue(string type) =>
        new("The generated explorer cannot rebuild a '" + type + "' from its members: its constructor, given them, builds another value. "
            + "Give its members setters or init accessors, or a constructor that stores what it is given.");

    /// <summary>
    /// A record with neither a parameterless constructor nor one taking its members, which the explorer copies from an
    /// instance this process met, met none (a shard of a cluster decodes states its process never built).
    /// </summary>
    /// <param name="type">The type as traces name it.</param>
    /// <returns>The exception to throw.</returns>
    public static ValueNotRebuiltException NoInstanceMet(string type) =>
        new("The generated explorer cannot rebuild a '" + type + "' in this process, which has built none to copy: "
            + "give it a parameterless constructor or one that takes each of its members.");
}
