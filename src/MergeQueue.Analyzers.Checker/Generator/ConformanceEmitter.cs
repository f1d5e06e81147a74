using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Writes the conformance part of one model (SPEC §6): the driver interface a test implements over the real code, a
/// read-only snapshot of a model state, <c>CheckConformance</c> and <c>ValidateTrace</c>. The engine does the work;
/// this part only knows the model's actions, parameters and fields by name.
/// </summary>
internal static class ConformanceEmitter
{
    private const string Support = "global::MergeQueue.Analyzers.Engine.Runtime.ConformanceSupport";
    private const string Perform = "__MergeQueuePerform";
    private const string ParameterNames = "__MergeQueueParameterNames";
    private const string InstanceValues = "__MergeQueueInstanceValues";

    /// <param name="model">The model.</param>
    /// <param name="nullableAnnotations">Whether the consumer's C# is 8.0 or later (C# 7.3 gets no <c>?</c> on reference types).</param>
    public static string Emit(ModelSpec model, bool nullableAnnotations = true)
    {
        var w = new SourceWriter(nullableAnnotations);
        w.Header("conformance testing of the code that ships against '" + model.ClassName + "'.");
        if (model.Namespace is { } ns)
        {
            w.Open("namespace " + ns);
        }

        w.Open("partial class " + Parser.Identifier(model.ClassName));
        Driver(w, model);
        Snapshot(w, model);
        CheckConformance(w, model);
        ValidateTrace(w, model);
        w.Close();
        if (model.Namespace is not null)
        {
            w.Close();
        }

        return w.ToString();
    }

    /// <summary>The name of a state field's snapshot property: its first letter upper-cased.</summary>
    internal static string PropertyName(string field) =>
        field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field.Substring(1);

    private static void Driver(SourceWriter w, ModelSpec model)
    {
        w.Line("/// <summary>");
        w.Line("/// Performs the steps of '" + model.ClassName + "' on the real implementation, for <see cref=\"CheckConformance\"/>: one");
        w.Line("/// method per action, which throws when the implementation refuses the step, and <see cref=\"IDriver.Matches\"/>.");
        w.Line("/// </summary>");
        w.Open(model.ConformanceAccess + " interface IDriver");
        foreach (var action in model.Actions)
        {
            w.Line("/// <summary>Performs " + action.Name + " on the implementation; throws when the implementation refuses it.</summary>");
            w.Line("void " + Parser.Identifier(action.Name) + "(" + action.Parameters + ");");
            w.Line();
        }

        w.Line("/// <summary>Whether the implementation's state corresponds to the model state <paramref name=\"model\"/>.</summary>");
        w.Line("/// <param name=\"model\">The model's state after the same steps.</param>");
        w.Line("/// <returns>True when they correspond.</returns>");
        w.Line("bool Matches(Snapshot model);");
        w.Close();
        w.Line();
    }

    private static void Snapshot(SourceWriter w, ModelSpec model)
    {
        w.Line("/// <summary>A state of '" + model.ClassName + "', read-only: each property holds a copy of one state field.</summary>");
        w.Open(model.ConformanceAccess + " sealed class Snapshot");
        w.Open("internal Snapshot(" + Parser.Identifier(model.ClassName) + " state)");
        foreach (var field in model.Fields)
        {
            w.Line("this." + PropertyName(field.Name) + " = " + TypeEmitter.CopyOf(model.Types, field.Type, "state." + field.Access) + ";");
        }

        w.Close();
        foreach (var field in model.Fields)
        {
            w.Line();
            w.Line("/// <summary>The model's <c>" + field.Name + "</c>.</summary>");
            w.Line("public " + model.Types[field.Type].Name + " " + PropertyName(field.Name) + " { get; }");
        }

        w.Line();
        w.Line("/// <summary>The state as step 0 of a trace shows it: <c>field = value</c>, comma-separated.</summary>");
        w.Open("public override string ToString()");
        w.Line("var text = new global::System.Text.StringBuilder();");
        for (int i = 0; i < model.Fields.Count; i++)
        {
            var field = model.Fields[i];
            w.Line("text.Append(" + Emitter.Quote((i == 0 ? string.Empty : ", ") + field.Name + " = ") + ");");
            w.Line(Emitter.Adapter + "." + TypeEmitter.Call("Format", field.Type, "text", "this." + PropertyName(field.Name)) + ";");
        }

        w.Line("return text.ToString();");
        w.Close();
        w.Close();
        w.Line();
    }

    private static void CheckConformance(SourceWriter w, ModelSpec model)
    {
        w.Line("/// <summary>");
        w.Line("/// Explores this model, then drives new implementations along paths that together take every transition of the");
        w.Line("/// explored graph, shortest first, checking after each step that the implementation took it and");
        w.Line("/// <see cref=\"IDriver.Matches\"/> the model's state.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"newDriver\">Makes a driver over a new implementation, in its initial state.</param>");
        w.Line("/// <param name=\"options\">Bounds, and whether to check that the steps the model refuses are refused; null for the defaults.</param>");
        w.Line("/// <returns>The verdict, the transitions covered, and the shortest diverging path found.</returns>");
        w.Open(model.ConformanceAccess + " static global::MergeQueue.Analyzers.ConformanceResult CheckConformance(global::System.Func<IDriver> newDriver, "
            + w.Nullable("global::MergeQueue.Analyzers.ConformanceOptions") + " options = null)");
        if (model.MaxStates > 0 || model.MaxDepth > 0)
        {
            // The [StateMachine] bounds hold here as for Explore(), unless the caller gives options.
            w.Open("if (options is null)");
            w.Line("options = new global::MergeQueue.Analyzers.ConformanceOptions();");
            if (model.MaxStates > 0)
            {
                w.Line("options.MaxStates = " + model.MaxStates + ";");
            }

            if (model.MaxDepth > 0)
            {
                w.Line("options.MaxDepth = " + model.MaxDepth + ";");
            }

            w.Close();
            w.Line();
        }

        w.Line("return " + Support + ".Check(new " + Emitter.Adapter + "(), newDriver, " + Perform + ", (driver, state) => driver.Matches(new Snapshot(state)), options);");
        w.Close();
        w.Line();
        // Arguments computed from the instance's number, as Explore()'s are: the code does not grow with the domains.
        w.Open("private static void " + Perform + "(IDriver driver, int actionInstance)");
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            Emitter.OpenInstances(w, action);
            w.Line("driver." + Parser.Identifier(action.Name) + Emitter.Arguments(a, action, Emitter.Adapter + ".") + ";");
            w.Line("return;");
            w.Close();
        }

        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(actionInstance));");
        w.Close();
        w.Line();
    }

    private static void ValidateTrace(SourceWriter w, ModelSpec model)
    {
        w.Line("/// <summary>");
        w.Line("/// Whether <paramref name=\"steps\"/> (a run of the real system, from its logs) is a behavior of this model from its");
        w.Line("/// initial state(s); a step that leaves parameters out may take any value of their domains.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"steps\">The recorded steps, from <see cref=\"global::MergeQueue.Analyzers.ModelStep\"/>.</param>");
        w.Line("/// <returns>The verdict; when it failed, the first step the model cannot take and why.</returns>");
        w.Open(model.ConformanceAccess + " static global::MergeQueue.Analyzers.TraceValidationResult ValidateTrace(global::System.Collections.Generic.IEnumerable<global::MergeQueue.Analyzers.ModelStep> steps)");
        w.Line("return " + Support + ".Validate(new " + Emitter.Adapter + "(), " + ParameterNames + ", " + InstanceValues + ", steps);");
        w.Close();
        w.Line();
        w.Line("private static readonly string[][] " + ParameterNames + " =");
        w.Open(string.Empty);
        foreach (var action in model.Actions)
        {
            w.Line(action.ParameterNames.Count == 0
                ? "new string[0],"
                : "new string[] { " + string.Join(", ", action.ParameterNames.Select(Emitter.Quote)) + " },");
        }

        w.Close(";");
        w.Line();
        w.Line("private static readonly object[][] " + InstanceValues + " = " + InstanceValues + "Of();");
        w.Line();
        w.Open("private static object[][] " + InstanceValues + "Of()");
        w.Line("var table = new object[" + model.InstanceCount.ToString(CultureInfo.InvariantCulture) + "][];");
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            w.Open("for (int i = 0; i < " + action.InstanceCount.ToString(CultureInfo.InvariantCulture) + "; i++)");
            Emitter.Indexes(w, action, "i");
            string values = action.Domains.Count == 0
                ? "new object[0]"
                : "new object[] { " + string.Join(", ", Emitter.ArgumentList(a, action, Emitter.Adapter + ".")) + " }";
            w.Line("table[" + action.FirstInstance.ToString(CultureInfo.InvariantCulture) + " + i] = " + values + ";");
            w.Close();
        }

        w.Line("return table;");
        w.Close();
    }
}
