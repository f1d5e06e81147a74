using System.Text;

namespace MergeQueue.Analyzers.Generator;

/// <summary>Writes C# source line by line with the current indentation; braces open and close blocks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int indentation;

    /// <param name="nullableAnnotations">
    /// Whether the consumer's C# has nullable reference types (8.0 and later): a netstandard2.0 or net472 project
    /// compiles at 7.3 by default, where <c>string?</c> is an error.
    /// </param>
    public SourceWriter(bool nullableAnnotations = true)
    {
        NullableAnnotations = nullableAnnotations;
    }

    public bool NullableAnnotations { get; }

    /// <summary><paramref name="referenceType"/> annotated as nullable where the language has the annotation.</summary>
    public string Nullable(string referenceType) => NullableAnnotations ? referenceType + "?" : referenceType;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            text.Append(' ', indentation * 4);
        }

        text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        indentation++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        indentation--;
        return Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}
