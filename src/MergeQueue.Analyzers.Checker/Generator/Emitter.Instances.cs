using System.Globalization;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// The action instances: their table, and running or guarding one by its number. An instance's arguments are
/// computed from its number (the last parameter varies fastest), so the code is the same size for
/// <c>[Range(0, 2)]</c> and <c>[Range(0, 19999)]</c>; only listed values (<c>[Values]</c>, enums) take a table.
/// </summary>
internal static partial class Emitter
{
    private static void InstanceTable(SourceWriter w, ModelSpec model)
    {
        // Static fields initialize in text order: the tables before the instances made from them.
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            for (int p = 0; p < action.Domains.Count; p++)
            {
                var domain = action.Domains[p];
                if (!domain.IsRange)
                {
                    // Internal: the conformance driver, in the model class, computes its arguments from them too.
                    w.Line("internal static readonly " + domain.Type + "[] " + ValuesName(a, p) + " = { " + string.Join(", ", domain.Literals) + " };");
                    w.Line("private static readonly string[] " + ShownName(a, p) + " = { " + string.Join(", ", domain.Shown.Select(Quote)) + " };");
                }
            }

            if (action.Groups.Count > 1)
            {
                w.Line("private static readonly int[] " + GroupsName(a) + " = { " + string.Join(", ", action.Groups) + " };");
            }
        }

        w.Line("private static readonly " + Engine + "ActionInstance[] InstanceTable = Instances();");
        w.Line();
        w.Open("private static " + Engine + "ActionInstance[] Instances()");
        w.Line("var table = new " + Engine + "ActionInstance[" + model.InstanceCount.ToString(CultureInfo.InvariantCulture) + "];");
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            w.Open("for (int i = 0; i < " + action.InstanceCount.ToString(CultureInfo.InvariantCulture) + "; i++)");
            Indexes(w, action, "i");
            string arguments = action.Domains.Count == 0
                ? "new string[0]"
                : "new string[] { " + string.Join(", ", action.Domains.Select((d, p) => Shown(a, p, d))) + " }";
            string group = action.Groups.Count > 1 ? GroupsName(a) + "[i]" : action.Groups[0].ToString(CultureInfo.InvariantCulture);
            w.Line("table[" + action.FirstInstance.ToString(CultureInfo.InvariantCulture) + " + i] = new " + Engine + "ActionInstance(" + a + ", " + arguments + ", " + group + ");");
            w.Close();
        }

        w.Line("return table;");
        w.Close();
    }

    private static void RunAndGuard(SourceWriter w, ModelSpec model, string self)
    {
        w.Open("protected override " + w.Nullable("string") + " Run(" + self + " next, int actionInstance)");
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            string call = "next." + Parser.Identifier(action.Name) + Arguments(a, action);
            OpenInstances(w, action);
            if (action.RunCopy is { } copy)
            {
                w.Line("return next." + copy + Arguments(a, action) + ";");
            }
            else if (action.ReturnedFalse is null)
            {
                w.Line(call + ";");
                w.Line("return null;");
            }
            else
            {
                w.Line("return " + call + " ? null : FalseReturned;");
            }

            w.Close();
        }

        w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(actionInstance));");
        w.Close();
        w.Line();
        if (!model.Actions.Any(a => a.Guard is not null))
        {
            return;
        }

        w.Open("protected override " + w.Nullable("string") + " Guard(" + self + " state, int actionInstance)");
        for (int a = 0; a < model.Actions.Count; a++)
        {
            var action = model.Actions[a];
            if (action.Guard is not null)
            {
                OpenInstances(w, action);
                w.Line("return state." + GuardMethod + a + Arguments(a, action) + ";");
                w.Close();
            }
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        GuardSources(w, model);
    }

    // Instances agreeing on the parameters a guard reads take the first one's verdict; computed, as the instances are.
    private static void GuardSources(SourceWriter w, ModelSpec model)
    {
        if (!model.Actions.Any(a => a.Guard is not null && a.GuardBlock > 1))
        {
            return;
        }

        w.Line("private static readonly int[] GuardSourceTable = GuardSourcesOf();");
        w.Line("protected override " + w.Nullable("int[]") + " GuardSources => GuardSourceTable;").Line();
        w.Open("private static int[] GuardSourcesOf()");
        w.Line("var table = new int[" + model.InstanceCount.ToString(CultureInfo.InvariantCulture) + "];");
        foreach (var action in model.Actions)
        {
            string first = action.FirstInstance.ToString(CultureInfo.InvariantCulture);
            string block = (action.Guard is null ? 1 : action.GuardBlock).ToString(CultureInfo.InvariantCulture);
            w.Open("for (int i = 0; i < " + action.InstanceCount.ToString(CultureInfo.InvariantCulture) + "; i++)");
            w.Line("table[" + first + " + i] = " + first + " + i / " + block + " * " + block + ";");
            w.Close();
        }

        w.Line("return table;");
        w.Close();
        w.Line();
    }

    // Opens the block that runs when actionInstance is one of the action's, with its argument indexes declared.
    internal static void OpenInstances(SourceWriter w, ActionSpec action)
    {
        string first = action.FirstInstance.ToString(CultureInfo.InvariantCulture);
        string end = (action.FirstInstance + action.InstanceCount).ToString(CultureInfo.InvariantCulture);
        w.Open("if (actionInstance >= " + first + " && actionInstance < " + end + ")");
        if (action.Domains.Count > 0)
        {
            w.Line("int i = actionInstance - " + first + ";");
            Indexes(w, action, "i");
        }
    }

    // The index of each parameter's value in instance i of the action: the last parameter varies fastest.
    internal static void Indexes(SourceWriter w, ActionSpec action, string instance)
    {
        if (action.Domains.Count == 0)
        {
            return;
        }

        w.Line("int rest = " + instance + ";");
        for (int p = action.Domains.Count - 1; p > 0; p--)
        {
            string count = action.Domains[p].Count.ToString(CultureInfo.InvariantCulture);
            w.Line("int i" + p + " = rest % " + count + ";");
            w.Line("rest /= " + count + ";");
        }

        w.Line("int i0 = rest;");
    }

    // The arguments of the instance whose indexes are declared; tables names the class holding the listed values.
    internal static string Arguments(int a, ActionSpec action, string tables = "") => "(" + string.Join(", ", ArgumentList(a, action, tables)) + ")";

    internal static System.Collections.Generic.IEnumerable<string> ArgumentList(int a, ActionSpec action, string tables = "") =>
        action.Domains.Select((d, p) => d.IsRange
            ? "unchecked((" + d.Type + ")(" + d.Start.ToString(CultureInfo.InvariantCulture) + "L + i" + p + "))"
            : tables + ValuesName(a, p) + "[i" + p + "]");

    private static string Shown(int a, int p, DomainSpec domain) => domain.IsRange
        ? Quote(domain.Prefix) + " + (" + domain.Start.ToString(CultureInfo.InvariantCulture) + "L + i" + p + ").ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
        : ShownName(a, p) + "[i" + p + "]";

    private static string ValuesName(int action, int parameter) => "Action" + action + "Values" + parameter;

    private static string ShownName(int action, int parameter) => "Action" + action + "Shown" + parameter;

    private static string GroupsName(int action) => "Action" + action + "Groups";
}
