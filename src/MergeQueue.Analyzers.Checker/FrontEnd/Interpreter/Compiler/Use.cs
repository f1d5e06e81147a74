namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Compiler;

/// <summary>
/// What the consumer of an expression does with a mutable object it yields. <see cref="Own"/>: it may keep or
/// write it, so a state field must first be copied. Peek: it only reads it, right away, while running code whose
/// effects are <see cref="Later"/>; the field can then be read in place unless that code may copy the same field
/// (the reader would then see a stale object).
/// </summary>
internal readonly struct Use
{
    private Use(bool isPeek, EffectSet? later)
    {
        IsPeek = isPeek;
        Later = later;
    }

    public static Use Own => default;

    public bool IsPeek { get; }

    public EffectSet? Later { get; }

    public static Use Peek(EffectSet? later = null) => new(true, later);

    public bool AllowsPeek(int field) => IsPeek && (Later is null || !Later.Touches(field));

    /// <summary>This use, with more code running while the value is consumed.</summary>
    public Use With(EffectSet? more) => IsPeek ? Peek(EffectSet.Union(Later, more)) : this;
}
