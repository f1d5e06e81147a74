namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>One <c>[Action]</c> method.</summary>
/// <param name="Name">The method name.</param>
/// <param name="Fairness">The engine's <c>ActionFairness</c> member name.</param>
/// <param name="Guard">Its leading <c>Require</c>s, when they can be tested apart from the body; null otherwise.</param>
/// <param name="ReturnedFalse">For a <c>bool</c> action, the reason it gives when it returns false; null for <c>void</c>.</param>
/// <param name="Parameters">The parameter list as the driver interface declares it: fully qualified types, no attributes.</param>
/// <param name="ParameterNames">The parameter names, in order, as a log names them.</param>
internal sealed record ActionSpec(string Name, string Fairness, string? ReturnedFalse, GuardSpec? Guard, string Parameters, EquatableArray<string> ParameterNames);
