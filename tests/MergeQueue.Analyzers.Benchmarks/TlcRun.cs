using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

/// <summary>
/// TLC on a twin's original TLA+ spec, in the same run as the checker: the twin's <c>tlc.command</c> in a scratch copy
/// of the spec's folder from the unpacked tlaplus/Examples (<see cref="ExamplesFolder"/>), with the .tla/.cfg files
/// saved beside the twin copied over it. Nothing from tlaplus/Examples is in this repository. Its peak resident memory
/// is read from <c>/proc</c> while it runs (Linux only; null elsewhere).
/// </summary>
internal sealed record TlcRun(long? DistinctStates, double Seconds, string? Failure, long? PeakBytes = null)
{
    /// <summary>Where tlaplus/Examples' <c>specifications</c> folder is unpacked (see the corpus mode's usage).</summary>
    internal static string ExamplesFolder => Environment.GetEnvironmentVariable("TLAPLUS_EXAMPLES") ?? "/tmp/ex/specifications";

    internal static TlcRun Run(CorpusTwin twin)
    {
        var original = Path.Combine(ExamplesFolder, twin.SpecFolder);
        if (!Directory.Exists(original))
        {
            return new TlcRun(null, 0, $"{original} not found (see usage)");
        }

        var scratch = Path.Combine(Path.GetTempPath(), "mq-tlc-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(original, scratch);
            // Modules neither tla2tools.jar nor the spec folder holds (TLAPS from tlapm's library, community modules).
            if (Environment.GetEnvironmentVariable("TLA_LIBRARY") is { Length: > 0 } library)
            {
                foreach (var module in Directory.GetFiles(library, "*.tla").Where(m => !File.Exists(Path.Combine(scratch, Path.GetFileName(m)))))
                {
                    File.Copy(module, Path.Combine(scratch, Path.GetFileName(module)));
                }
            }

            foreach (var extra in Directory.GetFiles(twin.TwinFolder).Where(f => f.EndsWith(".tla", StringComparison.Ordinal) || f.EndsWith(".cfg", StringComparison.Ordinal)))
            {
                File.Copy(extra, Path.Combine(scratch, Path.GetFileName(extra)), overwrite: true);
            }

            // A command recorded as "cd <its folder> && java …" runs in the scratch copy instead.
            var command = Regex.Replace(twin.TlcCommand, @"^cd \S+ && ", string.Empty);

            // The json records where tla2tools.jar was when TLC confirmed the count; $TLA2TOOLS names it on this machine.
            if (Environment.GetEnvironmentVariable("TLA2TOOLS") is { Length: > 0 } jar)
            {
                command = Regex.Replace(command, @"\S*tla2tools\.jar", jar.Replace("$", "$$", StringComparison.Ordinal));
            }
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = new ProcessStartInfo(words[0]) { WorkingDirectory = scratch, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var word in words.Skip(1))
            {
                start.ArgumentList.Add(word);
            }

            var wall = Stopwatch.StartNew();
            using var tlc = Process.Start(start)!;
            var error = tlc.StandardError.ReadToEndAsync();
            var output = tlc.StandardOutput.ReadToEndAsync();
            long? peak = null;
            while (!tlc.WaitForExit(50))
            {
                peak = PeakResident(tlc.Id) ?? peak;
            }

            wall.Stop();
            var found = Regex.Matches(output.Result, @"([\d,]+) distinct states found").LastOrDefault();
            if (found is null)
            {
                var lines = output.Result.Split('\n').Concat(error.Result.Split('\n')).ToList();
                var reason = lines.FirstOrDefault(l => l.StartsWith("Cannot find source file", StringComparison.Ordinal))
                    ?? lines.FirstOrDefault(l => l.Contains("Error", StringComparison.OrdinalIgnoreCase))
                    ?? $"exit {tlc.ExitCode}";
                return new TlcRun(null, wall.Elapsed.TotalSeconds, "TLC: " + reason.Trim());
            }

            var states = long.Parse(found.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            return new TlcRun(states, FinishedIn(output.Result) ?? wall.Elapsed.TotalSeconds, null, peak);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // The kernel's high-water mark of the process's resident set (VmHWM), so samples cannot miss the peak.
    private static long? PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // TLC's own clock ("Finished in 01min 33s at ...", "Finished in 850ms at ..."): from its start, without the JVM's.
    private static double? FinishedIn(string output)
    {
        var finished = Regex.Match(output, @"Finished in (?:(?<h>\d+)h ?)?(?:(?<min>\d+)min ?)?(?:(?<s>\d+)s)?(?:(?<ms>\d+)ms)? at");
        if (!finished.Success)
        {
            return null;
        }

        double Part(string name) => finished.Groups[name].Success ? double.Parse(finished.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return (Part("h") * 3600) + (Part("min") * 60) + Part("s") + (Part("ms") / 1000);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
