using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MergeQueue.Analyzers.CodeFixes;

/// <summary>The text of the xunit test <see cref="AddRegressionTestCodeFix"/> adds; C# 7.3, so any test project compiles it.</summary>
internal static class RegressionTestText
{
    public static string For(INamedTypeSymbol model, string id, string summary, CounterexampleTrace trace, string className)
    {
        string modelName = model.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var text = new StringBuilder();
        text.Append("using MergeQueue.Analyzers;\n");
        text.Append("using Xunit;\n\n");
        bool inNamespace = !model.ContainingNamespace.IsGlobalNamespace;
        string indent = inNamespace ? "    " : string.Empty;
        if (inNamespace)
        {
            text.Append("namespace ").Append(model.ContainingNamespace.ToDisplayString()).Append("\n{\n");
        }

        text.Append(indent).Append("/// <summary>The counterexample the checker reported (").Append(id).Append("), kept as a test.</summary>\n");
        text.Append(indent).Append("public sealed class ").Append(className).Append('\n');
        text.Append(indent).Append("{\n");
        text.Append(indent).Append("    /// <summary>").Append(Escape(summary)).Append("</summary>\n");
        text.Append(indent).Append("    [Fact]\n");
        text.Append(indent).Append("    public void Counterexample_meets_no_violation()\n");
        text.Append(indent).Append("    {\n");
        text.Append(indent).Append("        var steps = new[]\n");
        text.Append(indent).Append("        {\n");
        foreach (var (action, arguments) in trace.Steps)
        {
            text.Append(indent).Append("            ModelStep.Create(\"").Append(action).Append('"')
                .Append(string.Concat(arguments.Select(a => ", " + a))).Append("),\n");
        }

        text.Append(indent).Append("        };\n\n");
        text.Append(indent).Append("        // Fails while the steps still lead the model into the violation; once the model is fixed they lead\n");
        text.Append(indent).Append("        // nowhere bad, or are no longer a behavior of it.\n");
        text.Append(indent).Append("        var result = ").Append(modelName).Append(".ValidateTrace(steps);\n");
        text.Append(indent).Append("        Assert.True(result.Violations.Count == 0, result.Report);\n");
        text.Append(indent).Append("    }\n");
        text.Append(indent).Append("}\n");
        if (inNamespace)
        {
            text.Append("}\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
