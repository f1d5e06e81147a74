using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Library;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Shape;

/// <summary>
/// The one rule for what evaluating some code may write, decided on its operations: a guard may be tested apart from
/// its action only when it writes <see cref="Effect.None"/>, and a property that writes <see cref="Effect.State"/> is a
/// model error (SM0110). Writing the locals the code declares (loop counters, accumulators), its by-value parameters,
/// and the objects it creates (<c>new List&lt;int&gt;()</c> held in such a local) writes nothing; writing the model's
/// fields, or anything reachable from them, does. What cannot be told apart (an object reached through a parameter,
/// an alias of a field, a library member the table does not list) is <see cref="Effect.Unknown"/>.
/// </summary>
internal sealed class Purity
{
    private readonly Compilation compilation;
    private readonly INamedTypeSymbol model;
    private readonly Func<IOperation, bool> isMadeInstance;
    private readonly Dictionary<IMethodSymbol, Verdict> bodies = new(SymbolEqualityComparer.Default);

    /// <param name="isMadeInstance">
    /// Whether a receiver is an instance of the model the code made for itself, whose writes are its own (a step
    /// invariant running an action on a copy of the state); none is, unless the caller can tell.
    /// </param>
    internal Purity(Compilation compilation, INamedTypeSymbol model, Func<IOperation, bool>? isMadeInstance = null)
    {
        this.compilation = compilation;
        this.model = model;
        this.isMadeInstance = isMadeInstance ?? (_ => false);
    }

    /// <summary>What evaluating a method or property accessor may write, its callees included.</summary>
    internal Verdict OfMember(IMethodSymbol method)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (bodies.TryGetValue(method, out var known))
        {
            return known;
        }

        // Recursion: while its body is being decided, the other paths decide.
        bodies[method] = Verdict.None;
        var blocks = Blocks(method).ToList();
        var verdict = blocks.Count == 0 ? Verdict.Unknown : Of(blocks, method.MethodKind == MethodKind.Constructor);
        bodies[method] = verdict;
        return verdict;
    }

    /// <summary>What evaluating <paramref name="code"/>, in order, may write; the locals it declares are its own.</summary>
    internal Verdict Of(IReadOnlyList<IOperation> code, bool thisIsFresh = false)
    {
        var walk = new Walk(this, code, thisIsFresh);
        var verdict = Verdict.None;
        foreach (var root in code)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                verdict = verdict.Then(walk.Writes(operation));
                if (verdict.Effect == Effect.State)
                {
                    return verdict;
                }
            }
        }

        return verdict;
    }

    private bool IsModel(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, model.OriginalDefinition);

    private IEnumerable<IOperation> Blocks(IMethodSymbol method) => MemberBodies.Of(compilation, method);

    /// <summary>What a call to <paramref name="method"/> may write, apart from the library effects on its receiver or arguments.</summary>
    private Verdict Call(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (method.MethodKind is MethodKind.LambdaMethod or MethodKind.DelegateInvoke
            || KnownSymbols.Is(method.ContainingType, KnownSymbols.Spec))
        {
            // A lambda's body is part of the code walked; a Require or Assert writes nothing.
            return Verdict.None;
        }

        bool inSource = !method.DeclaringSyntaxReferences.IsEmpty || method.AssociatedSymbol?.DeclaringSyntaxReferences.IsEmpty == false;
        if (!inSource)
        {
            // Counts, lengths and other getters of library types read only; of the methods, the library table decides.
            return method.MethodKind is MethodKind.PropertyGet or MethodKind.Constructor || LibraryMembers.Find(method) is not null
                ? Verdict.None
                : Verdict.Unknown;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return Verdict.Unknown;
        }

        if (!IsModel(method.ContainingType) && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType.TypeKind == TypeKind.Interface))
        {
            // An override may replace the body read here; only an auto-property's getter is known to read only.
            return method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is IPropertySymbol property
                && property.DeclaringSyntaxReferences.All(r => r.GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } list }
                    && list.Accessors.All(a => a.Body is null && a.ExpressionBody is null))
                ? Verdict.None
                : Verdict.Unknown;
        }

        if (method.DeclaringSyntaxReferences.All(r => r.GetSyntax() is ParameterSyntax or AccessorDeclarationSyntax { Body: null, ExpressionBody: null }
            or RecordDeclarationSyntax))
        {
            // A positional record's property, an auto-property's accessor, a record's generated member.
            return Verdict.None;
        }

        var verdict = OfMember(method);

        // A record's or struct's own member writing `this` writes what it was called on, which may be state.
        return verdict.Effect == Effect.State && !IsModel(method.ContainingType) ? Verdict.Unknown : verdict;
    }

    /// <summary>The decision for one piece of code: its own locals, and which of them only ever hold objects it made.</summary>
    private sealed class Walk
    {
        private readonly Purity purity;
        private readonly bool thisIsFresh;
        private readonly HashSet<ILocalSymbol> fresh = new(SymbolEqualityComparer.Default);

        public Walk(Purity purity, IReadOnlyList<IOperation> code, bool thisIsFresh)
        {
            this.purity = purity;
            this.thisIsFresh = thisIsFresh;
            FindFreshLocals(code);
        }

        public Verdict Writes(IOperation operation) => operation switch
        {
            IAssignmentOperation assignment => Place(assignment.Target, throughReference: false),
            IIncrementOrDecrementOperation step => Place(step.Target, throughReference: false),
            IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => Place(argument.Value, throughReference: false),
            IInvocationOperation call => Invocation(call),
            IMethodReferenceOperation group => Group(group),
            IPropertyReferenceOperation property when property.Property.GetMethod is { } getter && !IsWritten(property) => purity.Call(getter),
            IObjectCreationOperation { Constructor: { } constructor } => purity.Call(constructor),
            IAwaitOperation or IInvalidOperation or IEventAssignmentOperation or IDynamicInvocationOperation
                or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation => Verdict.Unknown,
            ILocalReferenceOperation { Local.IsRef: true } or IVariableDeclaratorOperation { Symbol.IsRef: true } => Verdict.Unknown,
            _ => Verdict.None,
        };

        private Verdict Invocation(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (LibraryMembers.Find(method) is { } row && method.DeclaringSyntaxReferences.IsEmpty)
            {
                return row.Effect switch
                {
                    LibraryEffect.WritesReceiver => Place(call.Instance ?? call.Arguments.FirstOrDefault()?.Value, throughReference: true),
                    LibraryEffect.WritesArgument => Place(call.Arguments.FirstOrDefault()?.Value, throughReference: true),
                    _ => Verdict.None,
                };
            }

            if (purity.IsModel(method.ContainingType) && call.Instance is { } receiver and not IInstanceReferenceOperation
                && purity.isMadeInstance(receiver))
            {
                return Verdict.None;
            }

            return purity.Call(method);
        }

        // A method group passed on (`xs.Any(items.Remove)`) runs when the callee calls it.
        private Verdict Group(IMethodReferenceOperation group)
        {
            if (LibraryMembers.Find(group.Method) is { } row && group.Method.DeclaringSyntaxReferences.IsEmpty)
            {
                return row.ReadsOnly ? Verdict.None : Place(group.Instance, throughReference: true);
            }

            return purity.Call(group.Method);
        }

        /// <summary>
        /// What writing <paramref name="place"/> writes; <paramref name="throughReference"/> when the write goes into
        /// the object the place holds (an element, a member of a class, a collection's contents).
        /// </summary>
        private Verdict Place(IOperation? place, bool throughReference)
        {
            switch (place)
            {
                case ILocalReferenceOperation local:
                    return local.Local.IsRef ? Verdict.Unknown
                        : !throughReference || fresh.Contains(local.Local) ? Verdict.None
                        : Verdict.Unknown;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.RefKind == RefKind.None && !throughReference ? Verdict.None : Verdict.Unknown;
                case IDiscardOperation or IDeclarationExpressionOperation:
                    return Verdict.None;
                case ITupleOperation tuple:
                    return tuple.Elements.Aggregate(Verdict.None, (verdict, element) => verdict.Then(Place(element, throughReference)));
                case IConversionOperation conversion:
                    return Place(conversion.Operand, throughReference);
                case IArrayElementReferenceOperation element:
                    return Place(element.ArrayReference, throughReference: true);
                case IInstanceReferenceOperation instance:
                    // The receiver of an object or collection initializer is the object being made.
                    return instance.ReferenceKind == InstanceReferenceKind.ImplicitReceiver || thisIsFresh ? Verdict.None : Verdict.Unknown;
                case IMemberReferenceOperation member:
                    return Member(member, throughReference);
                case null:
                    return Verdict.Unknown;
                default:
                    return throughReference && IsFresh(place) ? Verdict.None : Verdict.Unknown;
            }
        }

        private Verdict Member(IMemberReferenceOperation member, bool throughReference)
        {
            if (purity.IsModel(member.Member.ContainingType)
                && (member.Instance is null || member.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
            {
                // This model's state (or a static of its class), not another instance the code made for itself.
                return thisIsFresh ? Verdict.None : Verdict.Writes(member.Member);
            }

            if (member.Instance is null)
            {
                return Verdict.Unknown;
            }

            // A member of a struct is part of the variable that holds it; of a class (or an indexer's collection), of the object.
            bool inValue = member.Member.ContainingType?.IsValueType == true && member is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false };
            return Place(member.Instance, throughReference || !inValue);
        }

        private static bool IsWritten(IOperation place) =>
            place.Parent is IAssignmentOperation assignment && assignment.Target == place
            || place.Parent is IIncrementOrDecrementOperation;

        private void FindFreshLocals(IReadOnlyList<IOperation> code)
        {
            var spoiled = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (var operation in code.SelectMany(c => c.DescendantsAndSelf()))
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initial = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        (initial is null || IsFresh(initial) ? fresh : spoiled).Add(declarator.Symbol);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        if (!IsFresh(assignment.Value))
                        {
                            spoiled.Add(target.Local);
                        }

                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target }:
                        spoiled.Add(target.Local);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                        {
                            spoiled.Add(local.Local);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            spoiled.Add(local);
                        }

                        break;
                    case IPatternOperation or IDeclarationExpressionOperation:
                        foreach (var local in operation.DescendantsAndSelf().OfType<IDeclarationPatternOperation>().Select(p => p.DeclaredSymbol).OfType<ILocalSymbol>())
                        {
                            spoiled.Add(local);
                        }

                        break;
                }
            }

            fresh.ExceptWith(spoiled);
        }

        // A value no place of the state holds: an object, array or collection the code makes, or nothing at all.
        private static bool IsFresh(IOperation value) => value switch
        {
            IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation or ICollectionExpressionOperation
                or ITypeParameterObjectCreationOperation or IDefaultValueOperation => true,
            ILiteralOperation literal => literal.ConstantValue is { HasValue: true, Value: null },
            IConversionOperation conversion => IsFresh(conversion.Operand),
            IInvocationOperation { TargetMethod: var method } => method.Name is "ToList" or "ToArray" or "ToHashSet" or "ToDictionary"
                && KnownSymbols.Is(method.ContainingType, "System.Linq.Enumerable"),
            _ => false,
        };
    }
}
