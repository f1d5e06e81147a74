using System.Linq;
using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Properties only read the state (TLA+ state predicates have no effect): one that may write it would change what
/// is explored depending on when and how often it is evaluated, which neither back end can give a C# meaning to. The
/// rule is the guards' (<see cref="GuardPurity"/>): writing the member's own variables is fine, writing state is not.
/// </summary>
internal static class PropertyPurity
{
    public static void Check(ModelShape shape, Compilation compilation, ModelDiagnostics diagnostics)
    {
        var purity = new GuardPurity(compilation, shape.Type);
        foreach (var property in shape.Properties)
        {
            var body = property.Member.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .Select(s => s switch
                {
                    MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                    PropertyDeclarationSyntax declared => (SyntaxNode?)declared.ExpressionBody ?? declared.AccessorList,
                    _ => null,
                })
                .FirstOrDefault(b => b is not null);
            if (body is null || !compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The property's own tree, bound once per model to decide its purity.
            var semantics = compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            if (!purity.IsPureBody(body, semantics))
            {
                diagnostics.Error(
                    DiagnosticDescriptors.InvalidMember,
                    property.Location,
                    AttributeName(property.Kind),
                    property.Member.Name,
                    "it may change the state (it assigns a field, or calls a member that may write one); a property only reads the state");
            }
        }
    }

    private static string AttributeName(Engine.PropertyKind kind) => kind.ToString();
}
