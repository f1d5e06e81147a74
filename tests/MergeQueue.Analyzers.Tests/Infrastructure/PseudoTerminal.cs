using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace MergeQueue.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs a command in a pseudo-terminal of 160 columns (util-linux <c>script</c>), as a user's interactive shell does,
/// so that <c>dotnet build</c> picks its default logger, the terminal logger, by itself. What it prints comes back
/// without the terminal's escape sequences.
/// </summary>
internal static class PseudoTerminal
{
    // What makes MSBuild take an automated environment for granted and fall back to the console logger (`dotnet test`
    // sets MSBUILDENSURESTDOUTFORTASKPROCESSES for its own runs, and the test host inherits it).
    private static readonly string[] AutomationVariables =
    {
        "MSBUILDTERMINALLOGGER", "MSBUILDENSURESTDOUTFORTASKPROCESSES", "CI", "GITHUB_ACTIONS", "COPILOT_API_URL", "BUILD_ID", "BUILDKITE", "CIRCLECI",
        "TEAMCITY_VERSION", "TF_BUILD", "APPVEYOR", "TRAVIS", "GITLAB_CI", "JENKINS_URL", "BAMBOO_BUILD_NUMBER",
    };

    // CSI sequences (colors, cursor moves), OSC sequences (progress, links) and the two-character ones.
    private static readonly Regex EscapeSequence = new(@"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1B]*(\x07|\x1B\\)|[=>78])");

    public static bool IsAvailable => File.Exists("/usr/bin/script") && !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS();

    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, string commandLine)
    {
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // -e: the command's exit code; the size, because a terminal of no columns is no terminal to MSBuild.
        foreach (var argument in new[] { "-qec", "stty cols 160 rows 50; exec " + commandLine, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in AutomationVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(commandLine + " ran past 4 minutes in the pseudo-terminal.");
        }

        process.WaitForExit();
        return (process.ExitCode, Plain(output.Result + error.Result));
    }

    /// <summary>What a terminal shows of <paramref name="output"/>, without colors, links and cursor moves.</summary>
    public static string Plain(string output) => EscapeSequence.Replace(output, string.Empty).Replace("\r", string.Empty);
}
