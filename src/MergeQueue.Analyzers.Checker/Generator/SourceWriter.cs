using System.Text;

namespace MergeQueue.Analyzers.Generator;

/// <summary>Writes C# source line by line with the current indentation; braces open and close blocks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int indentation;

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
