namespace MergeQueue.Analyzers.FrontEnd.Library;

/// <summary>The compile routine of the interpreter that runs a library member (one per container family).</summary>
internal enum LibraryRoutine
{
    /// <summary><c>Spec.Require</c> and <c>Spec.Assert</c>.</summary>
    Spec,

    /// <summary><c>System.Linq.Enumerable</c>.</summary>
    Linq,

    /// <summary><c>System.Math</c> over integers.</summary>
    Math,

    /// <summary><c>ToString</c>, <c>Equals</c> and <c>CompareTo</c> on any value.</summary>
    Value,

    /// <summary>Static members of <c>object</c>.</summary>
    ObjectStatic,

    /// <summary>Instance members of <c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary>Instance members of <c>Queue&lt;T&gt;</c>.</summary>
    Queue,

    /// <summary>Instance members of <c>Stack&lt;T&gt;</c>.</summary>
    Stack,

    /// <summary>Instance members of <c>HashSet&lt;T&gt;</c>.</summary>
    Set,

    /// <summary>Instance members of <c>Dictionary&lt;TKey, TValue&gt;</c>.</summary>
    Dictionary,

    /// <summary>Instance members of <c>string</c>.</summary>
    String,

    /// <summary>Static members of <c>string</c>.</summary>
    StringStatic,

    /// <summary>Static members of <c>Array</c>.</summary>
    ArrayStatic,

    /// <summary>Instance members of arrays (the dimensions of a multi-dimensional one).</summary>
    Array,

    /// <summary>Instance members of <c>Nullable&lt;T&gt;</c>.</summary>
    Nullable,

    /// <summary><c>MemoryExtensions</c> on arrays and spans (C# 14 binds <c>array.Contains(x)</c> to these).</summary>
    Span,

    /// <summary>Instance members of <c>Span&lt;T&gt;</c> and <c>ReadOnlySpan&lt;T&gt;</c> over an array.</summary>
    SpanMember,

    /// <summary>Static generic members of <c>Enum</c>.</summary>
    EnumStatic,

    /// <summary><c>CollectionExtensions.GetValueOrDefault</c>.</summary>
    CollectionExtensions,

    /// <summary><c>System.Numerics.BitOperations</c>.</summary>
    Bits,
}
