using System.IO;
using MergeQueue.Analyzers.Tests.Infrastructure;
using Xunit;

namespace MergeQueue.Analyzers.Tests.Package;

/// <summary>
/// `dotnet build` in an interactive terminal uses the terminal logger, which shows only the first line of a compiler
/// diagnostic and no message below detailed verbosity: the package's targets still get every line of each trace on
/// the screen (and when SM diagnostics are warnings: <see cref="TargetTests"/>).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class TerminalLoggerTests(PackedPackageFixture package)
{
    [Fact]
    public void Failing_build_in_an_interactive_terminal_shows_the_full_trace()
    {
        var project = package.NewConsumer("StuckInTerminal", SampleSource.Read(SampleSource.Ordered));

        // A pseudo-terminal where there is one; elsewhere the terminal logger forced on, which renders the same.
        var (exitCode, output) = PseudoTerminal.IsAvailable
            ? package.BuildInTerminal(project)
            : package.Build(project, "-tl:on");
        output = PseudoTerminal.Plain(output);

        Assert.NotEqual(0, exitCode);
        Shows(output, "Build failed with"); // the terminal logger's summary, not the console logger's "Build FAILED."
        Shows(output, "Model.cs(15,22): error SM0002: 'OrderedQueue' is stuck after 7 steps");
        Shows(output, "trace of error SM0002: 'OrderedQueue' is stuck after 7 steps");
        Shows(output, "0: initial state: pr = [Pending, Pending, Pending], queuedAt = [0, 0, 0], time = 1");
        Shows(output, "7: Block(p: 0): pr = [Blocked, Validated, Validated]");
        Shows(output, "Merge: Require(pr[p] == Pr.Validated && EarlierMerged(p)) is false (line 37) for every p");
    }

    internal static void Shows(string output, string text) =>
        Assert.True(output.Contains(text, System.StringComparison.Ordinal), "The build output lacks \"" + text + "\":\n" + output);
}
