using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>How to run one action instance or evaluate one predicate instance: a function and its arguments.</summary>
/// <param name="Function">The compiled member.</param>
/// <param name="Arguments">One value per parameter.</param>
/// <param name="Site">Where the member is declared, for failures that happen outside any statement.</param>
/// <param name="ReturnsBool">Whether it is an action whose <c>false</c> means disabled.</param>
/// <param name="Guard">The action's guard (leading locals and <c>Require</c>s) as a function of the same arguments, if it has some that write nothing.</param>
/// <param name="AfterGuard">The action's body without those <c>Require</c>s, for a state where they are known to hold.</param>
/// <param name="SharesGuard">Whether the instance before it has the same guard verdict in every state (they agree on the parameters it reads).</param>
internal sealed record ActionEntry(
    CompiledFunction Function,
    Value[] Arguments,
    object? Site,
    bool ReturnsBool,
    CompiledFunction? Guard = null,
    CompiledFunction? AfterGuard = null,
    bool SharesGuard = false);
