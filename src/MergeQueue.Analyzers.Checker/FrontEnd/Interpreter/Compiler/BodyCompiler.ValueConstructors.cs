using System.Linq;
using MergeQueue.Analyzers.FrontEnd.Values;
using MergeQueue.Analyzers.FrontEnd.Values.Heap;
using MergeQueue.Analyzers.FrontEnd.Values.Types;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// Constructors with a body written in a record or struct (<c>public Edge(Node x, Node y) => (A, B) = ...</c>): run as
/// C# runs them, on a value whose members hold their defaults and initializers, bound to <c>this</c> in the slot after
/// the parameters; what the body leaves there is the new value. A body that throws fails the step that built it.
/// </summary>
internal sealed partial class BodyCompiler
{
    /// <summary>The body of a record's or struct's constructor; chaining to another constructor is not interpreted.</summary>
    private Stmt ValueConstructor(IMethodSymbol constructor, IOperation body)
    {
        if (model.ConstructorInitializer(constructor) is { IsImplicit: false } initializer)
        {
            Report(initializer, "the constructor initializer '" + Shorten(initializer.Syntax.ToString()) + "' of '" + constructor.ContainingType.Name + "'");
            return _ => Flow.Normal;
        }

        return body is IConstructorBodyOperation ? (_ => Flow.Normal) : body is IBlockOperation block ? Block(block) : Statement(body);
    }

    /// <summary><c>new R(...)</c> through a constructor of the source that is not the primary one.</summary>
    private Expr ConstructorCall(IObjectCreationOperation creation, INamedTypeSymbol type, RecordType record, IMethodSymbol constructor)
    {
        if (!model.IsRecordMember(constructor) || model.BodyOf(constructor) is null)
        {
            return Unsupported(creation, "the constructor '" + constructor.ToDisplayString() + "' (its body is not in the source)");
        }

        if (constructor.Parameters.Any(p => p.RefKind is not (RefKind.None or RefKind.In)))
        {
            return Unsupported(creation, "the constructor '" + constructor.ToDisplayString() + "' (a 'ref' or 'out' parameter)");
        }

        var function = model.Function(constructor, Loc(creation));
        if (function is null || MemberDefaults(type, record, creation) is not { } defaults)
        {
            return Nothing;
        }

        effects.MarkUnknown();
        var inputs = creation.Arguments.Select(a => (Slot: a.Parameter?.Ordinal ?? 0, Value: Expr(a.Value))).ToArray();
        var setters = Initializers(creation.Initializer, record);
        int thisSlot = constructor.Parameters.Length;
        var site = Loc(creation);
        return frame =>
        {
            var callee = new Frame(function.SlotCount, null, frame.Ex);
            foreach (var (slot, value) in inputs)
            {
                callee.Slots[slot] = value(frame);
            }

            callee.Slots[thisSlot] = new Value(new RecordObject(record, (Value[])defaults.Clone()));
            Run(frame.Ex, function, callee, site);
            var built = callee.Slots[thisSlot];
            if (setters.Length == 0 || built.Ref is not RecordObject made)
            {
                return built;
            }

            // An object initializer runs after the constructor, on what it built.
            var fields = (Value[])made.Fields.Clone();
            foreach (var (field, value) in setters)
            {
                fields[field] = value(frame);
            }

            return new Value(new RecordObject(made.Type, fields));
        };
    }

    /// <summary>Whether the code being compiled is a record's or struct's constructor, whose <c>this</c> may be written.</summary>
    private bool InValueConstructor()
    {
        var root = scope;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && model.IsRecordMember(constructor);
    }
}
