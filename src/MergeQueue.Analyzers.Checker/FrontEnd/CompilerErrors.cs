using System;
using System.Linq;
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
    /// <summary>
    /// For the analyzer, whose compilation includes the generated code: any error in a file declaring the model (a
    /// brace typed early leaves the class error-free and its members outside it).
    /// </summary>
    public static bool In(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken) =>
        Any(type, compilation, wholeFile: true, cancellationToken);

    /// <summary>
    /// For the generator, whose compilation lacks the code it adds: a syntax error in a file declaring the model, or
    /// an error inside the class other than a missing member (the model's own code may call <c>Explore()</c>).
    /// </summary>
    public static bool BeforeGeneration(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken) =>
        Any(type, compilation, wholeFile: false, cancellationToken);

    private static bool Any(INamedTypeSymbol type, Compilation compilation, bool wholeFile, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // The analyzer's compilation includes the generator's own declaration of the class.
            if (GeneratedFiles.IsOwn(reference.SyntaxTree))
            {
                continue;
            }

            if (reference.SyntaxTree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return true;
            }

            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            var diagnostics = wholeFile
                ? model.GetDiagnostics(cancellationToken: cancellationToken)
                : model.GetDiagnostics(reference.GetSyntax(cancellationToken).FullSpan, cancellationToken);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && (wholeFile || !MissingMember.Contains(d.Id))))
            {
                return true;
            }
        }

        return false;
    }

    // The name does not exist, the type has no such member, the object has no such member: what generated code adds.
    private static readonly string[] MissingMember = { "CS0103", "CS0117", "CS1061" };
}
