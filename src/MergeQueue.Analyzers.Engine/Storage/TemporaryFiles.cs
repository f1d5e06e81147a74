using System;
using System.IO;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Where fingerprint mode's temporary files come from and how they go: each is created new in a directory (the
/// system's temporary directory unless told), named for what it holds, and deleted by <see cref="Delete"/>.
/// </summary>
/// <remarks>
/// <see cref="FileOptions.DeleteOnClose"/> asks the operating system to delete a file if the process dies before
/// <see cref="Delete"/> runs, where it can. The analyzer explores with exact states and never opens one.
/// </remarks>
internal static class TemporaryFiles
{
#pragma warning disable RS1035 // The analyzer explores with exact states and never opens a temporary file.
    /// <summary>The system's temporary directory.</summary>
    internal static string DefaultDirectory => Path.GetTempPath();

    /// <summary>A new, empty file for reading and writing, with no buffer of its own (its callers keep theirs).</summary>
    /// <exception cref="IOException">No file can be created there.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory may not be written.</exception>
    internal static FileStream Open(string directory, string holds)
    {
        string path = Path.Combine(directory, "mergequeue-" + holds + "-" + Guid.NewGuid().ToString("N") + ".tmp");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
    }

    /// <summary>Closes the file and makes sure it is gone.</summary>
    internal static void Delete(FileStream stream)
    {
        string path = stream.Name;
        stream.Dispose();
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
#pragma warning restore RS1035
}
