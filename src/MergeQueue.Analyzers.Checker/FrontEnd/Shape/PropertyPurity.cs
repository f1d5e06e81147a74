using MergeQueue.Analyzers.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// Properties only read the state (TLA+ state predicates have no effect): one that writes a state field, directly or
/// through the model's own methods, would change what is explored depending on when and how often it is evaluated,
/// which neither back end can give a C# meaning to. Writing its own variables, or values it made, is fine
/// (<see cref="Purity"/>, the rule guards follow too), and so is running the model's methods on an instance of the
/// model it made (<see cref="FreshInstances"/>).
/// </summary>
internal static class PropertyPurity
{
    public static void Check(ModelShape shape, ModelSource source, ModelDiagnostics diagnostics)
    {
        var purity = new Purity(source.Compilation, source.Type, receiver => FreshInstances.IsFresh(source, receiver));
        foreach (var property in shape.Properties)
        {
            var member = property.Member is IPropertySymbol { GetMethod: { } getter } ? getter : property.Member as IMethodSymbol;
            if (member is not null && purity.OfMember(member) is { Effect: Effect.State, Field: { } field })
            {
                diagnostics.Error(
                    DiagnosticDescriptors.InvalidMember,
                    property.Location,
                    property.Kind.ToString(),
                    property.Member.Name,
                    "it changes the state (it writes '" + field.Name + "'); a property only reads the state");
            }
        }
    }
}
