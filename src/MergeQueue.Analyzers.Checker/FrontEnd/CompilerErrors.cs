using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd;

/// <summary>
/// Whether the files of the model class have C# errors. While they have (the user is typing), the analyzer neither
/// explores it nor reports model errors, and the generator emits nothing for it: what the compiler made of a
/// half-typed member is not what the user means, and every message about it would be noise next to the compiler's.
/// </summary>
internal static class CompilerErrors
{
    public static bool In(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // The analyzer's compilation includes the generator's own declaration of the class.
            if (reference.SyntaxTree.FilePath.EndsWith(Generator.Parser.GeneratedFileSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            // The whole file: a brace typed too early leaves the class without errors and its members outside it.
            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            foreach (var diagnostic in model.GetDiagnostics(cancellationToken: cancellationToken))
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
