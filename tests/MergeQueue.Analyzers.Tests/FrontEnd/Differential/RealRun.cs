using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Differential;

/// <summary>
/// Runs a test model for real: emits the compilation, loads it into a collectible context and invokes one action,
/// so that the interpreter can be compared with .NET itself. (Only the tests run user code; the front end never does.)
/// </summary>
internal static class RealRun
{
    /// <summary>The model's <c>result</c> string after the action, or <c>TypeName: message</c> of what it threw.</summary>
    public static string Result(Compilation compilation, string typeName, string action)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var context = Infrastructure.TestLoadContext.Create("differential");
        image.Position = 0;
        var assembly = context.LoadFromStream(image);
        var type = assembly.GetType(typeName)!;
        var model = Activator.CreateInstance(type, nonPublic: true)!;
        var method = type.GetMethod(action, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;
        try
        {
            method.Invoke(model, null);
        }
        catch (TargetInvocationException thrown) when (thrown.InnerException is { } inner)
        {
            return inner.GetType().Name + ": " + inner.Message.Replace(Environment.NewLine, " ");
        }

        var field = type.GetField("result", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return (string?)field.GetValue(model) ?? "null";
    }
}
