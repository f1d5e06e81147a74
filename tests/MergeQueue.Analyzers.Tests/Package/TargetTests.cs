using System.IO;
using System.Text.RegularExpressions;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>The package in projects other than a net10.0 C# one: older frameworks, several of them, Visual Basic.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class TargetTests(PackedPackageFixture package)
{
    [Fact]
    public void Library_for_netstandard2_0_and_net472_at_CSharp_7_3_gets_Explore_and_each_trace_once_per_framework()
    {
        // No LangVersion: both frameworks compile at C# 7.3. The stuck queue's diagnostics are lowered to warnings, so the
        // build passes, both models' generated code must compile (Usage.cs calls each Explore()), and the traces of
        // warnings print too.
        var project = package.NewConsumer(
            "Library",
            CSharp73Models.FixedQueue,
            "<TargetFrameworks>netstandard2.0;net472</TargetFrameworks>");
        File.WriteAllText(Path.Combine(project, "Ordered.cs"), CSharp73Models.OrderedQueue);
        File.WriteAllText(Path.Combine(project, "Usage.cs"), """
            namespace Library
            {
                public static class Usage
                {
                    public static bool BothPass() { return FixedQueue.Explore().Passed && OrderedQueue.Explore().Passed; }
                }
            }
            """);
        File.WriteAllText(Path.Combine(project, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.SM0002.severity = warning
            dotnet_diagnostic.SM0003.severity = warning
            """);

        // Under the terminal logger, which shows a warning's every line but no message.
        var (exitCode, output) = package.Build(project, "-tl:on");
        output = PseudoTerminal.Plain(output);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(": error ", output);
        foreach (var framework in new[] { "netstandard2.0", "net472" })
        {
            // Each trace once per framework, named.
            string trace = "trace of warning SM0002 (" + framework + "): 'OrderedQueue' is stuck after 7 steps";
            Assert.True(Regex.Matches(output, Regex.Escape(trace)).Count == 1, "Not once: \"" + trace + "\"\n" + output);
        }

        TerminalLoggerTests.Shows(output, "7: Block(p: 0): pr = [Blocked, Validated, Validated]");
        TerminalLoggerTests.Shows(output, "Block: Require(pr[p] == OrderedPr.Failed) is false (line 38) for every p");
    }

    [Fact]
    public void Visual_Basic_project_is_told_its_models_are_not_checked()
    {
        var project = package.NewConsumer("VisualBasic", """
            <MergeQueue.Analyzers.StateMachine>
            Public Class Counter
                Private count As Integer

                <MergeQueue.Analyzers.Action>
                Private Sub Increment()
                    count = (count + 1) Mod 3
                End Sub
            End Class
            """,
            "<TargetFramework>net10.0</TargetFramework>",
            language: "vb");

        var (exitCode, output) = package.Build(project);

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning SMCFG0002: MergeQueue.Analyzers checks C# models only: the [StateMachine] classes of this VB project are not checked and get no Explore()", output);
    }
}
