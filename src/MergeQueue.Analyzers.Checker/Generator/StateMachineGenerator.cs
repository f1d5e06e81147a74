using MergeQueue.Analyzers.FrontEnd.Shape;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// For each partial <c>[StateMachine]</c> class, emits <c>Explore()</c> and a compiled model adapter the engine
/// explores at run time (SPEC §5). It reports nothing: the analyzer reports what is wrong with a model, and a
/// model the generator cannot handle just gets no <c>Explore()</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StateMachineGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the stage that reads each model, for incrementality tests.</summary>
    public const string ModelsStep = "Models";

    /// <summary>The tracking name of the stage that checks the compilation references the engine.</summary>
    public const string RuntimeStep = "Runtime";

    /// <summary>The tracking name of the stage that reads whether the project's C# has nullable annotations.</summary>
    public const string LanguageStep = "Language";

    private const string RuntimeBase = "MergeQueue.Analyzers.Engine.Runtime.GeneratedModel`1";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Models: partial classes marked [StateMachine], read into equatable specs (null: not generated).
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownSymbols.StateMachine, IsPartialClass, Parser.Parse)
            .WithTrackingName(ModelsStep);

        // 2. Runtime: whether the project references the engine the generated code runs on.
        var hasRuntime = context.CompilationProvider
            .Select((compilation, _) => compilation.GetTypeByMetadataName(RuntimeBase) is not null)
            .WithTrackingName(RuntimeStep);

        // 3. Language: nullable annotations from C# 8 on (netstandard2.0 and net472 projects default to C# 7.3).
        var nullableAnnotations = context.ParseOptionsProvider
            .Select((options, _) => options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8)
            .WithTrackingName(LanguageStep);

        // 4. Emit: per model, Explore() and the conformance members, when the model and the runtime are both there.
        context.RegisterSourceOutput(models.Combine(hasRuntime).Combine(nullableAnnotations), Emit);
    }

    private static bool IsPartialClass(SyntaxNode node, System.Threading.CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax declaration
        && declaration.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword);

    private static void Emit(SourceProductionContext context, ((ModelSpec? Model, bool HasRuntime) Model, bool NullableAnnotations) input)
    {
        if (input.Model.Model is { } model && input.Model.HasRuntime)
        {
            string hint = (model.Namespace is null ? string.Empty : model.Namespace + ".") + model.ClassName + Parser.GeneratedFileSuffix;
            context.AddSource(hint, Emitter.Emit(model, input.NullableAnnotations));
            if (model.EmitsConformance)
            {
                string conformanceHint = hint.Substring(0, hint.Length - Parser.GeneratedFileSuffix.Length) + Parser.ConformanceFileSuffix;
                context.AddSource(conformanceHint, ConformanceEmitter.Emit(model, input.NullableAnnotations));
            }
        }
    }
}
