namespace MergeQueue.Analyzers.FrontEnd.Interpreter;

/// <summary>The .NET exceptions the interpreter emulates, with .NET's own messages.</summary>
internal static class Errors
{
    /// <summary>SPEC §2's model error, not a .NET exception: a later write through one place would change the other.</summary>
    public static ModelException Shared(string first, string second) => new(
        Engine.FailureKind.Exception,
        first == second
            ? "One mutable object appears twice in '" + first + "': give each place its own copy"
            : "One mutable object is shared by '" + first + "' and '" + second + "': give each place its own copy");

    public static ModelException IndexOutOfRange() =>
        ModelException.Of("IndexOutOfRangeException", "Index was outside the bounds of the array.");

    public static ModelException NoSuchDimension() =>
        ModelException.Of("IndexOutOfRangeException", "Array does not have that many dimensions.");

    public static ModelException DivideByZero() =>
        ModelException.Of("DivideByZeroException", "Attempted to divide by zero.");

    public static ModelException Overflow() =>
        ModelException.Of("OverflowException", "Arithmetic operation resulted in an overflow.");

    public static ModelException NegateMinValue() =>
        ModelException.Of("OverflowException", "Negating the minimum value of a twos complement number is invalid.");

    public static ModelException NullReference() =>
        ModelException.Of("NullReferenceException", "Object reference not set to an instance of an object.");

    public static ModelException NoElements() =>
        ModelException.Of("InvalidOperationException", "Sequence contains no elements");

    public static ModelException NoMatch() =>
        ModelException.Of("InvalidOperationException", "Sequence contains no matching element");

    public static ModelException MoreThanOneElement() =>
        ModelException.Of("InvalidOperationException", "Sequence contains more than one element");

    public static ModelException MoreThanOneMatch() =>
        ModelException.Of("InvalidOperationException", "Sequence contains more than one matching element");

    public static ModelException CollectionModified() =>
        ModelException.Of("InvalidOperationException", "Collection was modified; enumeration operation may not execute.");

    public static ModelException QueueEmpty() => ModelException.Of("InvalidOperationException", "Queue empty.");

    public static ModelException NoValue() => ModelException.Of("InvalidOperationException", "Nullable object must have a value.");

    public static ModelException StackEmpty() => ModelException.Of("InvalidOperationException", "Stack empty.");

    public static ModelException KeyNotFound(string key) =>
        ModelException.Of("KeyNotFoundException", "The given key '" + key + "' was not present in the dictionary.");

    public static ModelException DuplicateKey(string key) =>
        ModelException.Of("ArgumentException", "An item with the same key has already been added. Key: " + key);

    public static ModelException ListIndex() => ArgumentOutOfRange(
        "Index was out of range. Must be non-negative and less than the size of the collection.", "index");

    public static ModelException ListInsertIndex() => ArgumentOutOfRange("Index must be within the bounds of the List.", "index");

    public static ModelException ArgumentOutOfRange(string parameter) =>
        ArgumentOutOfRange("Specified argument was out of the range of valid values.", parameter);

    public static ModelException ArgumentOutOfRange(string message, string parameter) =>
        ModelException.Of("ArgumentOutOfRangeException", message + " (Parameter '" + parameter + "')");

    public static ModelException Argument(string message, string parameter) =>
        ModelException.Of("ArgumentException", message + " (Parameter '" + parameter + "')");

    public static ModelException InvalidCast(string from, string to) =>
        ModelException.Of("InvalidCastException", "Unable to cast object of type '" + from + "' to type '" + to + "'.");
}
