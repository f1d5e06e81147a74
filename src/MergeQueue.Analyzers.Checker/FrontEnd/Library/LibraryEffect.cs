namespace MergeQueue.Analyzers.FrontEnd.Library;

/// <summary>What a library member writes; anything but <see cref="ReadsOnly"/> keeps a <c>Require</c> out of the guard.</summary>
internal enum LibraryEffect
{
    /// <summary>Leaves its receiver and arguments as they are.</summary>
    ReadsOnly,

    /// <summary>Changes its receiver (<c>list.Add</c>).</summary>
    WritesReceiver,

    /// <summary>Changes an argument (<c>Array.Fill</c>).</summary>
    WritesArgument,
}
