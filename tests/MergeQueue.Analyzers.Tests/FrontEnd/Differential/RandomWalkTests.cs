using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Differential;

/// <summary>
/// A long random walk through a model that aliases, queries and loops over its own collections, run for real and
/// interpreted side by side: after every step the fields must print alike, and no state seen earlier may change.
/// </summary>
public sealed class RandomWalkTests
{
    private const string Members = """
        int[] values = new int[4];
        List<int> list = new() { 1, 2 };
        HashSet<int> set = new();
        Dictionary<int, int> counts = new();
        Queue<int> queue = new();
        Stack<int> stack = new();
        List<int[]> rows = new() { new int[2] };
        int total;

        [Action] void Bump([Range(0, 3)] int i) { var alias = values; alias[i]++; total += values.Sum(); }
        [Action] void Shift() { for (int i = values.Length - 1; i > 0; i--) values[i] = values[i - 1]; values[0] = list.Count; }
        [Action] void Grow() { var big = values.Where(v => v > 0); list.Add(big.Count()); values[1] += 3; list.Add(big.Sum()); }
        [Action] void Loop() { foreach (var v in values) { if (v % 2 == 0) values[v % values.Length] += 1; } }
        [Action] void Collect() { foreach (var x in list) set.Add(x % 5); counts[total % 3] = counts.GetValueOrDefault(total % 3) + 1; }
        [Action] void Trim() { if (list.Count > 3) list.RemoveAt(0); if (set.Count > 2) set.Remove(set.Min()); }
        [Action] void Move() { queue.Enqueue(total % 7); if (queue.Count > 2) stack.Push(queue.Dequeue()); if (stack.Count > 2) total -= stack.Pop(); }
        [Action] void Rows() { var row = rows[rows.Count - 1]; row[0]++; if (row[0] % 3 == 0) rows.Add(new[] { row[0], row[1] }); rows[0][1] = rows.Count; }
        [Action] void Swap() { (values[0], values[3]) = (values[3], values[0]); var copy = list.ToList(); copy.Reverse(); list = copy; }
        [Action] void Shrink() { if (rows.Count > 3) rows.RemoveAt(1); if (counts.Count > 1) counts.Remove(counts.Keys.Min()); }
        """;

    [Fact]
    public void Interpreter_and_dotnet_agree_along_a_random_walk_and_no_state_changes_afterwards()
    {
        string source = Interpreted.Source(Members);
        var compilation = TestCompilation.Create(source);
        var model = ModelSources.Compile("M", source).Model!;
        var state = model.CreateInitialState(0, Interpreted.Budget).Successor;
        var seen = new List<(object State, string Text)>();

        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        var context = Infrastructure.TestLoadContext.Create("walk");
        image.Position = 0;
        var type = context.LoadFromStream(image).GetType("M")!;
        var real = Activator.CreateInstance(type, nonPublic: true)!;
        var random = new Random(12345);
        for (int step = 0; step < 400; step++)
        {
            int instance = random.Next(model.ActionInstances.Count);
            var action = model.ActionInstances[instance];
            var outcome = model.Step(state, instance, Interpreted.Budget);
            Assert.True(outcome.Kind == StepOutcomeKind.Enabled, action.Display(model.Actions) + ": " + outcome.Failure);
            state = outcome.Successor;
            var method = type.GetMethod(model.Actions[action.Action].Name, BindingFlags.Instance | BindingFlags.NonPublic)!;
            var arguments = action.Arguments.Select(a => (object)int.Parse(a.Split(": ")[1])).ToArray();
            method.Invoke(real, arguments);

            string interpreted = Describe(model, state);
            Assert.Equal(RealFields(real, model.FieldNames), interpreted);
            seen.Add((state, interpreted));
        }

        foreach (var (old, text) in seen)
        {
            Assert.Equal(text, Describe(model, (MergeQueue.Analyzers.FrontEnd.Model.InterpretedState)old));
        }
    }

    private static string Describe(IModel<MergeQueue.Analyzers.FrontEnd.Model.InterpretedState> model, MergeQueue.Analyzers.FrontEnd.Model.InterpretedState state) =>
        string.Join("; ", model.FieldNames.Select((name, i) => name + " = " + model.FormatField(state, i)));

    private static string RealFields(object real, IReadOnlyList<string> names) =>
        string.Join("; ", names.Select(name => name + " = " + Format(real.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(real))));

    // The trace format of the interpreter, for the few types this model uses.
    private static string Format(object? value) => value switch
    {
        null => "null",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<int>().OrderBy(k => k).Select(k => k + ": " + Format(dictionary[k]))) + "}",
        HashSet<int> set => "{" + string.Join(", ", set.OrderBy(x => x)) + "}",
        IEnumerable sequence => "[" + string.Join(", ", sequence.Cast<object>().Select(Format)) + "]",
        _ => value.ToString()!,
    };
}
