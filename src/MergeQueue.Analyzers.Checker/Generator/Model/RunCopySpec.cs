namespace MergeQueue.Analyzers.Generator.Model;

/// <summary>
/// A copy of an action, or of a helper it calls, whose false <c>Require</c>s return their reason instead of throwing:
/// the step a guard could not decide still costs no exception when it turns out disabled.
/// </summary>
/// <param name="Name">The generated method's name.</param>
/// <param name="Modifiers">The original's <c>static</c>, or nothing.</param>
/// <param name="Parameters">The original's parameter list, as written.</param>
/// <param name="Body">The body: the original's, its <c>Require</c>s, calls of copied helpers and <c>return</c>s
/// rewritten in place, under a <c>#line</c> directive that keeps the original's file and lines.</param>
internal sealed record RunCopySpec(string Name, string Modifiers, string Parameters, string Body);
