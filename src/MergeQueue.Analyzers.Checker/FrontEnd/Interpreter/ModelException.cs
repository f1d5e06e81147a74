using System;
using MergeQueue.Analyzers.Engine;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>
/// A failure of the interpreted model (an emulated .NET exception, a failed Assert, a budget). It unwinds the host
/// stack to the step boundary, which turns it into a <see cref="Failure"/> at the statement that was running.
/// </summary>
internal sealed class ModelException : Exception
{
    public ModelException(FailureKind kind, string text, object? site = null)
        : base(text)
    {
        Kind = kind;
        Text = text;
        Site = site;
    }

    public FailureKind Kind { get; }

    /// <summary><c>TypeName: message</c>, or the Assert message.</summary>
    public string Text { get; }

    /// <summary>Where it happened, when the thrower knows better than the running statement.</summary>
    public object? Site { get; }

    /// <summary>An emulated .NET exception of type <paramref name="typeName"/>.</summary>
    public static ModelException Of(string typeName, string message) => new(FailureKind.Exception, typeName + ": " + message);
}
