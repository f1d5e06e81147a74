using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// Writes the partial class of one model: <c>Explore()</c>, a copy constructor (readonly fields can only be
/// written there), and the adapter the engine explores. The per-type helpers are in <see cref="TypeEmitter"/>.
/// </summary>
internal static partial class Emitter
{
    public const string Adapter = "__MergeQueueModel";
    private const string CopyTag = FrontEnd.Shape.KnownSymbols.GeneratedCopyTag;
    private const string GuardMethod = "__MergeQueueGuard";

    /// <summary>The prefix of the methods testing helpers' guards (<see cref="HelperGuardSpec"/>).</summary>
    public const string HelperGuardMethod = "__MergeQueueHelperGuard";

    // The initial constructor's guard (ModelSpec.InitialGuard).
    private const string InitialGuardMethod = "__MergeQueueInitialGuard";

    private const string Engine = "global::MergeQueue.Analyzers.Engine.";

    /// <param name="model">The model to emit.</param>
    /// <param name="nullableAnnotations">Whether the consumer's C# is 8.0 or later (C# 7.3 gets no <c>?</c> on reference types).</param>
    public static string Emit(ModelSpec model, bool nullableAnnotations = true)
    {
        var w = new SourceWriter(nullableAnnotations);
        w.Header("the compiled explorer of '" + model.ClassName + "'.");
        foreach (string directive in model.Usings.Outer)
        {
            w.Line(directive);
        }

        w.Line();
        if (model.Namespace is { } ns)
        {
            w.Open("namespace " + ns);
            foreach (string directive in model.Usings.Inner)
            {
                w.Line(directive);
            }
        }

        string self = Parser.Identifier(model.ClassName);
        w.Open("partial class " + self);
        ExploreMethod(w, model);
        CopyConstructor(w, model);
        bool encoded = TypeEmitter.CanEncode(model.Types, model.Fields);
        if (encoded)
        {
            FieldsConstructor(w, model);
        }

        w.Line("private readonly struct " + CopyTag + " { }").Line();
        Guards(w, model);
        // Models whose values can all be encoded and rebuilt get the encoded adapter: a state is bytes.
        w.Open("private sealed class " + Adapter + " : " + Engine + "Runtime." + (encoded ? "EncodedModel<" : "GeneratedModel<") + self + ">");
        Tables(w, model);
        Members(w, model, encoded);
        TypeEmitter.Helpers(w, model.Types);
        if (encoded)
        {
            TypeEmitter.EncodingHelpers(w, model.Types, model.Fields);
        }
        w.Close();
        w.Close();
        if (model.Namespace is not null)
        {
            w.Close();
        }

        return w.ToString();
    }

    private static void ExploreMethod(SourceWriter w, ModelSpec model)
    {
        w.Line("/// <summary>");
        w.Line("/// Explores every reachable state of this model breadth-first, with the semantics and report text of the");
        w.Line("/// compile-time checker, compiled rather than interpreted.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"options\">Bounds, cancellation and engine settings; null for the defaults and the [StateMachine] bounds.</param>");
        w.Line("/// <returns>The verdict, each violation with its trace, and the statistics.</returns>");
        w.Open("public static global::MergeQueue.Analyzers.ExplorationResult Explore(" + w.Nullable("global::MergeQueue.Analyzers.ExplorationOptions") + " options = null)");
        DefaultOptions(w, model);
        w.Line("return " + Engine + "Explorer.Explore(new " + Adapter + "(), options);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// <see cref=\"Explore\"/>, awaitable; on the cluster of <see cref=\"global::MergeQueue.Analyzers.ExplorationOptions.Cluster\"/>");
        w.Line("/// when one is set, with the same result but for times.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"options\">Bounds, cancellation, the cluster; null for the defaults and the [StateMachine] bounds.</param>");
        w.Line("/// <returns>The verdict, each violation with its trace, and the statistics.</returns>");
        w.Open("public static global::System.Threading.Tasks.Task<global::MergeQueue.Analyzers.ExplorationResult> ExploreAsync(" + w.Nullable("global::MergeQueue.Analyzers.ExplorationOptions") + " options = null)");
        DefaultOptions(w, model);
        w.Line("return " + Engine + "Explorer.ExploreAsync(new " + Adapter + "(), options);");
        w.Close();
        w.Line();
    }

    /// <summary>Null options become the defaults with the [StateMachine] bounds.</summary>
    private static void DefaultOptions(SourceWriter w, ModelSpec model)
    {
        w.Open("if (options is null)");
        w.Line("options = new global::MergeQueue.Analyzers.ExplorationOptions();");
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

    private static void CopyConstructor(SourceWriter w, ModelSpec model)
    {
        if (model.HasImplicitConstructor)
        {
            // Declaring the copy constructor removes the implicit one, which the model's initial state needs.
            w.Line("public " + Parser.Identifier(model.ClassName) + "() { }").Line();
        }

        string chain = model.HasPrimaryConstructor ? " : this()" : string.Empty;
        string self = Parser.Identifier(model.ClassName);
        w.Open("private " + self + "(" + self + " source, " + CopyTag + " tag)" + chain);
        foreach (var field in model.Fields)
        {
            w.Line("this." + field.Access + " = " + TypeEmitter.CopyOf(model.Types, field.Type, "source." + field.Access) + ";");
        }

        w.Close();
        w.Line();
    }

    // Only a constructor can write a readonly field: decoding a state whose readonly fields differ from the instance's
    // builds a new instance from the decoded values.
    private static void FieldsConstructor(SourceWriter w, ModelSpec model)
    {
        if (!model.Fields.Any(f => f.IsReadOnly))
        {
            return;
        }

        string chain = model.HasPrimaryConstructor ? " : this()" : string.Empty;
        var parameters = model.Fields.Select((f, i) => model.Types[f.Type].Name + " field" + i);
        w.Open("private " + Parser.Identifier(model.ClassName) + "(" + string.Join(", ", parameters) + ", " + CopyTag + " tag)" + chain);
        for (int i = 0; i < model.Fields.Count; i++)
        {
            w.Line("this." + model.Fields[i].Access + " = field" + i + ";");
        }

        w.Close();
        w.Line();
    }

    private static void Guards(SourceWriter w, ModelSpec model)
    {
        for (int a = 0; a < model.Actions.Count; a++)
        {
            if (model.Actions[a].Guard is { } guard)
            {
                WriteGuard(w, GuardMethod + a, guard);
            }
        }

        foreach (var helper in model.HelperGuards)
        {
            WriteGuard(w, helper.Name, helper.Guard);
        }

        if (model.InitialGuard is { } initial)
        {
            WriteGuard(w, InitialGuardMethod, initial, isStatic: true);
        }

        foreach (var copy in model.RunCopies)
        {
            // The body keeps its own lines and indentation, which its #line directive maps to the model's file.
            w.Line("private " + copy.Modifiers + w.Nullable("string") + " " + copy.Name + copy.Parameters);
            w.Line(copy.Body);
            w.Line();
        }
    }

    private static void WriteGuard(SourceWriter w, string name, GuardSpec guard, bool isStatic = false)
    {
        w.Open("private " + (isStatic ? "static " : string.Empty) + w.Nullable("string") + " " + name + "(" + guard.Parameters + ")");
        foreach (var step in guard.Steps)
        {
            w.Line(step.CallsHelper
                ? "{ var __mergeQueueReason = " + step.Code + "; if (__mergeQueueReason != null) return __mergeQueueReason; }"
                : step.Reason is null ? step.Code : "if (!(" + step.Code + ")) return " + Quote(step.Reason) + ";");
        }

        w.Line("return null;");
        w.Close();
        w.Line();
    }

    private static void Tables(SourceWriter w, ModelSpec model)
    {
        w.Line("private static readonly string[] FieldTable = { " + string.Join(", ", model.Fields.Select(f => Quote(f.Name))) + " };");
        w.Line("private static readonly " + Engine + "ActionInfo[] ActionTable =");
        w.Open(string.Empty);
        foreach (var action in model.Actions)
        {
            w.Line("new " + Engine + "ActionInfo(" + Quote(action.Name) + ", " + Engine + "ActionFairness." + action.Fairness + ", null),");
        }

        w.Close(";");
        w.Line("private static readonly string[] ReturnedFalseTable = { " + string.Join(", ", model.Actions.Select(a => a.ReturnedFalse is null ? "null" : Quote(a.ReturnedFalse))) + " };");
        InstanceTable(w, model);
        w.Line("private static readonly " + Engine + "PredicateInstance[] PredicateTable =");
        w.Open(string.Empty);
        foreach (var predicate in model.Predicates)
        {
            w.Line("new " + Engine + "PredicateInstance(" + Quote(predicate.Name) + ", " + Strings(predicate.Arguments) + "),");
        }

        w.Close(";");
        w.Line("private static readonly " + Engine + "PropertyInstance[] PropertyTable =");
        w.Open(string.Empty);
        foreach (var property in model.Properties)
        {
            w.Line("new " + Engine + "PropertyInstance(" + Engine + "PropertyKind." + property.Kind + ", " + property.Predicate + ", " + property.Target + ", null),");
        }

        w.Close(";");
        string initials = "null";
        if (model.HasDomainedConstructor)
        {
            // Per parameter, its values and their texts: the combinations are numbered, not written out (InitialCombinations).
            initials = "InitialTable";
            for (int p = 0; p < model.Initials.Count; p++)
            {
                var parameter = model.Initials[p];
                w.Line("private static readonly " + parameter.TypeName + "[] InitialValues" + p + " = { " + string.Join(", ", parameter.Literals) + " };");
            }

            w.Line("private static readonly " + Engine + "InitialCombinations InitialTable = new " + Engine + "InitialCombinations(");
            w.Line("    " + string.Join(", ", model.Initials.Select(i => Strings(i.Texts))) + ");");
        }

        w.Line();
        w.Line("public " + Adapter + "()");
        w.Line("    : base(" + Quote(model.ClassName) + ", FieldTable, ActionTable, InstanceTable, PredicateTable, PropertyTable, ReturnedFalseTable, "
            + initials + ", " + (model.CheckStuck ? "true" : "false") + ")");
        w.Open(string.Empty);
        w.Close();
        w.Line();
    }

    // The constructor's arguments of initialInstance, as argument0, argument1...
    private static void InitialArguments(SourceWriter w, ModelSpec model)
    {
        if (model.HasDomainedConstructor)
        {
            w.Line("if (initialInstance < 0 || initialInstance >= InitialTable.Count) throw new global::System.ArgumentOutOfRangeException(nameof(initialInstance));");
            for (int p = model.Initials.Count - 1; p >= 0; p--)
            {
                w.Line("var argument" + p + " = InitialValues" + p + "[" + Engine + "InitialCombinations.ValueIndex(ref initialInstance, InitialValues" + p + ".Length)];");
            }
        }
    }

    private static void Members(SourceWriter w, ModelSpec model, bool encoded)
    {
        string self = Parser.Identifier(model.ClassName);
        string arguments = "(" + string.Join(", ", model.Initials.Select((_, p) => "argument" + p)) + ")";
        w.Open("protected override " + self + " CreateInitial(int initialInstance)");
        InitialArguments(w, model);
        w.Line("return new " + Parser.Identifier(self) + arguments + ";");
        w.Close();
        w.Line();
        if (model.InitialGuard is not null)
        {
            w.Open("protected override " + w.Nullable("string") + " InitialGuard(int initialInstance)");
            InitialArguments(w, model);
            w.Line("return " + InitialGuardMethod + arguments + ";");
            w.Close();
            w.Line();
        }

        w.Line("protected override " + self + " Copy(" + self + " state) => new " + self + "(state, default(" + CopyTag + "));").Line();
        RunAndGuard(w, model, self);
        w.Open("protected override bool Test(" + self + " state, int predicate)");
        w.Open("switch (predicate)");
        for (int i = 0; i < model.Predicates.Count; i++)
        {
            if (!model.Predicates[i].IsStep)
            {
                w.Line("case " + i + ": return " + model.Predicates[i].Call + ";");
            }
        }

        w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(predicate));");
        w.Close();
        w.Close();
        w.Line();
        if (model.Predicates.Any(p => p.IsStep))
        {
            w.Open("protected override bool TestStep(" + self + " before, " + self + " after, int predicate)");
            w.Open("switch (predicate)");
            for (int i = 0; i < model.Predicates.Count; i++)
            {
                if (model.Predicates[i].IsStep)
                {
                    w.Line("case " + i + ": return " + model.Predicates[i].Call + ";");
                }
            }

            w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(predicate));");
            w.Close();
            w.Close();
            w.Line();
        }
        var fields = model.Fields;
        if (encoded)
        {
            Encoding(w, model);
        }
        else
        {
            w.Open("protected override bool FieldsEqual(" + self + " x, " + self + " y)");
            w.Line("return " + (fields.Count == 0 ? "true" : string.Join("\n    && ", fields.Select(f => TypeEmitter.Call("Equal", f.Type, "x." + f.Access, "y." + f.Access)))) + ";");
            w.Close();
            w.Line();
            w.Open("protected override long FieldsHash(" + self + " state)");
            w.Line("long hash = " + fields.Count + ";");
            foreach (var field in fields)
            {
                w.Line("hash = " + Engine + "Runtime.StateHash.Combine(hash, " + TypeEmitter.Call("Hash", field.Type, "state." + field.Access) + ");");
            }

            w.Line("return hash;");
            w.Close();
            w.Line();
        }

        w.Open("protected override void AppendField(global::System.Text.StringBuilder text, " + self + " state, int field)");
        w.Open("switch (field)");
        for (int i = 0; i < fields.Count; i++)
        {
            w.Line("case " + i + ": " + TypeEmitter.Call("Format", fields[i].Type, "text", "state." + fields[i].Access) + "; break;");
        }

        w.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(field));");
        w.Close();
        w.Close();
        w.Line();
        SharedPlaces(w, model);
        var ordered = fields.Where(f => TypeEmitter.HasTable(model.Types, f.Type)).ToList();
        if (ordered.Count > 0 && !encoded)
        {
            // The checker stores sets and dictionaries in key order, and an action enumerating one sees that order
            // (a decoded state has them in that order already).
            w.Open("protected override void Canonicalize(" + self + " state)");
            foreach (var field in ordered)
            {
                w.Line(TypeEmitter.Call("Canonicalize", field.Type, "state." + field.Access) + ";");
            }

            w.Close();
            w.Line();
        }
    }

    // One array, collection or mutable record reachable from two places is a model error (the README's Semantics) that a snapshot
    // would hide by splitting it. It can only arise through a field that can be reassigned or a value that holds such
    // values, so the check is emitted only then: the merge queue's readonly arrays of enums and ints cost nothing.
    private static void SharedPlaces(SourceWriter w, ModelSpec model)
    {
        var mutable = model.Fields.Where(f => IsMutable(model.Types[f.Type])).ToList();
        bool possible = mutable.Any(f => !f.IsReadOnly || HoldsMutable(model, model.Types[f.Type]));
        if (!possible)
        {
            return;
        }

        w.Line("private static readonly string[] SharedPlaceNames = { " + string.Join(", ", mutable.Select(f => Quote(f.Name))) + " };");
        w.Line();
        w.Line("protected override " + w.Nullable("string") + " SharedPlaces(" + Parser.Identifier(model.ClassName) + " state) =>");
        w.Line("    " + Engine + "Runtime.SharedObjects.Find(SharedPlaceNames, new " + w.Nullable("object") + "[] { " + string.Join(", ", mutable.Select(f => "state." + f.Access)) + " });");
        w.Line();
        if (!model.StepsMayShare)
        {
            // No member stores a reference it did not make: only the initial states are walked.
            w.Line("protected override bool StepsMayShare => false;");
            w.Line();
        }
    }

    private static bool IsMutable(TypeSpec type) =>
        type.Kind is ValueKind.Array or ValueKind.MultiArray or ValueKind.List or ValueKind.Queue or ValueKind.Stack or ValueKind.Set or ValueKind.Dictionary
        || type.Kind == ValueKind.RecordClass && type.NeedsCopy;

    private static bool HoldsMutable(ModelSpec model, TypeSpec type) => HoldsMutable(model, type, new HashSet<TypeSpec>());

    private static bool HoldsMutable(ModelSpec model, TypeSpec type, HashSet<TypeSpec> seen) =>
        seen.Add(type) && type.Parts.Concat(type.Derived).Any(part => IsMutable(model.Types[part]) || HoldsMutable(model, model.Types[part], seen));

    private static void Encoding(SourceWriter w, ModelSpec model)
    {
        string self = Parser.Identifier(model.ClassName);
        var fields = model.Fields;
        w.Open("protected override void Write(" + self + " state, " + Engine + "Runtime.StateWriter writer)");
        foreach (var field in fields)
        {
            TypeEmitter.EncodeField(w, field, "state." + field.Access);
        }

        w.Close();
        w.Line();
        w.Open("protected override " + self + " Decode(" + Engine + "Runtime.PackedState state, " + self + " into, " + Engine + "Runtime.ScratchArrays arrays)");
        w.Line("var reader = new " + Engine + "Runtime.StateReader(state, arrays);");
        TypeEmitter.DecodeFields(w, model.Types, fields, "into", "new " + self + "({0}, default(" + CopyTag + "))");
        w.Close();
        w.Line();
        w.Open("protected override " + self + " Restore(" + self + " current, " + self + " working, " + Engine + "Runtime.ScratchArrays arrays)");
        TypeEmitter.RestoreFields(w, model.Types, fields, "current", "working", "new " + self + "(current, default(" + CopyTag + "))");
        w.Close();
        w.Line();
    }

    private static string Strings(IReadOnlyList<string> values) =>
        values.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", values.Select(Quote)) + " }";

    internal static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
