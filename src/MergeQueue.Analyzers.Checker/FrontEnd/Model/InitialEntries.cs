using System.Collections.Generic;
using MergeQueue.Analyzers.Engine;
using MergeQueue.Analyzers.FrontEnd.Interpreter;
using MergeQueue.Analyzers.FrontEnd.Shape;

namespace MergeQueue.Analyzers.FrontEnd.Model;

/// <summary>
/// How the interpreter builds the initial states: the field initializers in state order, then the constructor with
/// one argument list per initial instance (none for the parameterless constructor, or an implicit one).
/// </summary>
/// <param name="Initializers">The field and auto-property initializers.</param>
/// <param name="Constructor">The constructor's body; null when it has none to run.</param>
/// <param name="Instances">The initial instances the engine sees, in domain order.</param>
/// <param name="Domains">The constructor's parameters' values: an initial instance's number picks one of each.</param>
internal sealed record InitialEntries(
    IReadOnlyList<CompiledFunction> Initializers,
    CompiledFunction? Constructor,
    IReadOnlyList<InitialInstance> Instances,
    IReadOnlyList<ParameterDomain> Domains);
