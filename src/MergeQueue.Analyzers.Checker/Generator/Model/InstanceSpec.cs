namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// One action instance: the action, its arguments as C# code and as a trace shows them, and its fairness group.
/// </summary>
/// <param name="Literals">Each argument as a C# expression of its parameter's type, for the driver call and the trace validator.</param>
internal sealed record InstanceSpec(int Action, string Call, EquatableArray<string> Arguments, int FairnessGroup, EquatableArray<string> Literals);
