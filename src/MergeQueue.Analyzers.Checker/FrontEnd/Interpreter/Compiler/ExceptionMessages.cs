using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>The message .NET gives an exception created without one.</summary>
internal static class ExceptionMessages
{
    public static string Default(ITypeSymbol type) => Shape.KnownSymbols.MetadataName(type) switch
    {
        "System.InvalidOperationException" => "Operation is not valid due to the current state of the object.",
        "System.ArgumentException" => "Value does not fall within the expected range.",
        "System.ArgumentNullException" => "Value cannot be null.",
        "System.ArgumentOutOfRangeException" => "Specified argument was out of the range of valid values.",
        "System.NotSupportedException" => "Specified method is not supported.",
        "System.NotImplementedException" => "The method or operation is not implemented.",
        "System.IndexOutOfRangeException" => "Index was outside the bounds of the array.",
        "System.Collections.Generic.KeyNotFoundException" => "The given key was not present in the dictionary.",
        "System.DivideByZeroException" => "Attempted to divide by zero.",
        "System.OverflowException" => "Arithmetic operation resulted in an overflow.",
        "System.NullReferenceException" => "Object reference not set to an instance of an object.",
        "System.InvalidCastException" => "Specified cast is not valid.",
        "System.ApplicationException" => "Error in the application.",
        "System.FormatException" => "One of the identified items was in an invalid format.",
        _ => "Exception of type '" + TypeMapper.ClrName(type) + "' was thrown.",
    };
}
