using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

/// <summary>
/// Exploration on an Orleans cluster of 1, 2 and 4 silos, each silo a separate process of the sample host
/// (samples/ClusterExploration, localhost clustering), the model explored by a client process, beside Explore() in one
/// process on the same model. Per configuration: states/s, each silo's peak resident memory (VmHWM) and, after a '+',
/// how much of it came during the run (above its resident memory once the cluster was up), the client's,
/// and the bytes that crossed the loopback interface during the run per state (/proc/net/dev: requests, replies and
/// deliveries between silos with their TCP/IP headers, and whatever else on the machine used loopback meanwhile). On
/// one machine more silos share the same cores: the point is memory per silo, not speed.
/// Usage: dotnet build -c Release samples/ClusterExploration, then
///        dotnet run -c Release --project tests/MergeQueue.Analyzers.Benchmarks -- cluster [--silos 1,2,4]
///        [--model fixed5|fixed6|fixed3] [--shards-per-silo K]
/// </summary>
internal static partial class ClusterBenchmark
{
    // Far from Orleans' defaults (11111, 30000), so a developer's own localhost silo is not joined by mistake.
    private const int SiloPortBase = 22111;
    private const int GatewayPortBase = 40000;

    internal static int Run(string[] args)
    {
        int[] siloCounts = Option(args, "--silos", "1,2,4").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        string model = Option(args, "--model", "fixed5");
        string shardsPerSilo = Option(args, "--shards-per-silo", "1");
        string host = SampleHost();

        Console.WriteLine($"{"silos",5} {"states",9} {"s",8} {"states/s",9} {"peak MB per silo (+run)",-34} {"client MB",9} {"loopback B/state",16}");
        Explored local = RunClient(host, "local", model);
        Console.WriteLine($"{"none",5} {local.States,9} {local.Seconds,8:F2} {local.States / local.Seconds,9:F0} {"(Explore() in 1 process)",-34} {local.PeakMegabytes,9} {"-",16}");
        foreach (int silos in siloCounts)
        {
            var processes = new List<Process>();
            try
            {
                for (int i = 0; i < silos; i++)
                {
                    // The first silo is the primary the others join; each starts once the one before it is in.
                    processes.Add(StartSilo(host, SiloPortBase + i, GatewayPortBase + i, SiloPortBase));
                }

                long[] idle = processes.Select(p => Field($"/proc/{p.Id}/status", "VmRSS:") / 1024).ToArray();
                long loopbackBefore = LoopbackBytes();
                string gateways = string.Join(",", Enumerable.Range(GatewayPortBase, silos));
                Explored run = RunClient(host, "client", gateways, model, shardsPerSilo);
                long written = LoopbackBytes() - loopbackBefore;
                string peaks = string.Join(" ", processes.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{PeakMegabytes(p.Id)}+{PeakMegabytes(p.Id) - idle[i]}")));
                if (run.States != local.States)
                {
                    throw new InvalidOperationException($"{silos} silos explored {run.States} states, Explore() {local.States}");
                }

                Console.WriteLine($"{silos,5} {run.States,9} {run.Seconds,8:F2} {run.States / run.Seconds,9:F0} {peaks,-34} {run.PeakMegabytes,9} {written / (double)run.States,16:F1}");
            }
            finally
            {
                foreach (Process silo in processes)
                {
                    silo.Kill();
                    silo.WaitForExit();
                    silo.Dispose();
                }
            }
        }

        return 0;
    }

    private static Process StartSilo(string host, int siloPort, int gatewayPort, int primaryPort)
    {
        Process silo = Process.Start(Start(host, "silo", siloPort.ToString(CultureInfo.InvariantCulture), gatewayPort.ToString(CultureInfo.InvariantCulture), primaryPort.ToString(CultureInfo.InvariantCulture)))!;
        // The host says "silo ready" once it has joined the cluster; Orleans' warnings come before it.
        string? line;
        while ((line = silo.StandardOutput.ReadLine()) is not null && !line.StartsWith("silo ready", StringComparison.Ordinal))
        {
        }

        if (line is null)
        {
            silo.WaitForExit();
            throw new InvalidOperationException($"the silo on port {siloPort} stopped before it was ready");
        }

        // Keep reading so that its later output never fills the pipe and blocks it.
        _ = Task.Run(() => silo.StandardOutput.ReadToEnd());
        return silo;
    }

    private static Explored RunClient(string host, params string[] arguments)
    {
        using Process client = Process.Start(Start(host, arguments))!;
        string output = client.StandardOutput.ReadToEnd();
        client.WaitForExit();
        Match line = ExploredLine().Match(output);
        if (!line.Success)
        {
            throw new InvalidOperationException($"the client printed no result (exit code {client.ExitCode}):\n{output}");
        }

        return new Explored(
            long.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture),
            long.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static ProcessStartInfo Start(string host, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(host);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The sample host, built in Release beside this repository's solution.</summary>
    private static string SampleHost()
    {
        DirectoryInfo? root = new(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MergeQueue.Analyzers.sln")))
        {
            root = root.Parent;
        }

        string host = Path.Combine(root?.FullName ?? ".", "samples", "ClusterExploration", "bin", "Release", "net10.0", "ClusterExploration.dll");
        return File.Exists(host) ? host : throw new FileNotFoundException("build it first: dotnet build -c Release samples/ClusterExploration", host);
    }

    private static long PeakMegabytes(int process) => Field($"/proc/{process}/status", "VmHWM:") / 1024;

    // What loopback received (as much as it sent): the first number after "lo:".
    private static long LoopbackBytes() =>
        long.Parse(File.ReadLines("/proc/net/dev").First(l => l.TrimStart().StartsWith("lo:", StringComparison.Ordinal))
            .Split(':')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);

    private static long Field(string file, string name)
    {
        string line = File.ReadLines(file).First(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line.Substring(name.Length).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    [GeneratedRegex(@"explored (\d+) states in ([0-9.]+) s .*peak (-?\d+) MB")]
    private static partial Regex ExploredLine();

    private readonly record struct Explored(long States, double Seconds, long PeakMegabytes);
}
