using System;
using System.IO;
using System.Linq;
using System.Text;
using MergeQueue.Analyzers.FrontEnd.Library;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Documentation;

/// <summary>
/// The README's table of library members is generated from <see cref="LibraryMembers"/>, so the list users read is
/// the list the checker runs. Set <c>MQ_WRITE_README=1</c> to rewrite the section after changing the table.
/// </summary>
public sealed class ReadmeLibraryTableTests
{
    private const string Begin = "<!-- library-members:begin (generated from LibraryMembers.cs by ReadmeLibraryTableTests) -->";
    private const string End = "<!-- library-members:end -->";

    [Fact]
    public void The_README_lists_exactly_the_library_members_of_the_table()
    {
        string path = Path.Combine(RepositoryRoot.Path, "README.md");
        string readme = File.ReadAllText(path).Replace("\r\n", "\n");
        int begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README.md needs the markers '" + Begin + "' and '" + End + "'.");

        string expected = Begin + "\n" + Table() + End;
        string actual = readme.Substring(begin, end + End.Length - begin);
        if (actual != expected && Environment.GetEnvironmentVariable("MQ_WRITE_README") == "1")
        {
            File.WriteAllText(path, readme.Replace(actual, expected));
            return;
        }

        Assert.True(actual == expected, "README.md's library table differs from LibraryMembers; it should read:\n" + expected);
    }

    [Fact]
    public void Every_row_is_a_distinct_member_with_well_formed_arguments()
    {
        var duplicates = LibraryMembers.All.GroupBy(m => (m.Container, m.Name, m.MinArity, m.MaxArity)).Where(g => g.Count() > 1).Select(g => g.Key.Name);
        Assert.Empty(duplicates);
        Assert.All(LibraryMembers.All, m => Assert.True(m.MinArity >= 0 && m.MinArity <= m.MaxArity, m.Name));
    }

    private static string Table()
    {
        var text = new StringBuilder();
        text.Append("| type | member | writes | lambdas run |\n|---|---|---|---|\n");
        foreach (var member in LibraryMembers.All)
        {
            text.Append("| `").Append(TypeName(member.Container)).Append("` | `").Append(member.Name).Append('(').Append(member.Parameters).Append(")` | ")
                .Append(member.Effect switch
                {
                    LibraryEffect.WritesReceiver => "the receiver",
                    LibraryEffect.WritesArgument => "its first argument",
                    _ => "—",
                })
                .Append(" | ").Append(member.Deferred ? "deferred: when the result is enumerated" : "during the call").Append(" |\n");
        }

        return text.ToString();
    }

    // `System.Collections.Generic.Dictionary`2` as a C# user writes it.
    private static string TypeName(string container)
    {
        if (container == LibraryMembers.AnyType)
        {
            return "any value";
        }

        string name = container.Substring(container.LastIndexOf('.') + 1);
        return name switch
        {
            "String" => "string",
            _ when name.EndsWith("`1", System.StringComparison.Ordinal) => name.Replace("`1", "<T>"),
            _ when name.EndsWith("`2", System.StringComparison.Ordinal) => name.Replace("`2", "<TKey, TValue>"),
            _ => name,
        };
    }
}
