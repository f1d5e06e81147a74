using System;
using MergeQueue.Analyzers.FrontEnd.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary><c>throw new SomeException(...)</c>: a failure named after the exception type, with .NET's default message.</summary>
internal sealed partial class BodyCompiler
{
    private Expr Throw(IThrowOperation operation)
    {
        var exception = operation.Exception is IConversionOperation { Operand: var inner } ? inner : operation.Exception;
        if (exception is not IObjectCreationOperation creation)
        {
            return Unsupported(operation, "a 'throw' of anything but 'new SomeException(...)'");
        }

        var build = ExceptionCreation(creation);
        return frame => throw build(frame);
    }

    private Func<Frame, ModelException> ExceptionCreation(IObjectCreationOperation creation)
    {
        var type = creation.Type!;
        if (!Shape.KnownSymbols.DerivesFrom(type, Shape.KnownSymbols.Exception) || creation.Initializer is not null)
        {
            Report(creation, "the creation of '" + TypeMapper.Display(type) + "'");
            return _ => ModelException.Of(type.Name, string.Empty);
        }

        Func<Frame, string?>? message = null;
        Func<Frame, string?>? parameterName = null;
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "message" when argument.Value.Type?.SpecialType == SpecialType.System_String:
                    var text = Expr(argument.Value);
                    message = frame => (string?)text(frame).Ref;
                    break;
                case "paramName" when argument.Value.Type?.SpecialType == SpecialType.System_String:
                    var name = Expr(argument.Value);
                    parameterName = frame => (string?)name(frame).Ref;
                    break;
                default:
                    Report(argument, "the exception argument '" + Shorten(argument.Syntax.ToString()) + "'");
                    break;
            }
        }

        string typeName = type.Name;
        string fallback = ExceptionMessages.Default(type);
        return frame =>
        {
            string text = message?.Invoke(frame) ?? fallback;
            if (parameterName?.Invoke(frame) is { } name)
            {
                text += " (Parameter '" + name + "')";
            }

            return ModelException.Of(typeName, text);
        };
    }
}
