using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using MergeQueue.Analyzers;
using MergeQueue.Analyzers.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;

namespace ClusterExploration;

/// <summary>Explores a merge queue on a localhost cluster, or in this process, and prints the report.</summary>
internal static class ClientCommand
{
    public static async Task<int> RunAsync(int[] gatewayPorts, QueueModel model, int shardsPerSilo)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPorts));
        using IHost host = builder.Build();
        await host.StartAsync();
        var cluster = new OrleansExplorationCluster(host.Services.GetRequiredService<IClusterClient>(), shardsPerSilo);
        // No bound on states: the sample's models are sized to be explored whole, on the cluster as in one process.
        ExplorationResult result = await model.ExploreAsync(new ExplorationOptions { Cluster = cluster, MaxStates = 0 });
        Print(result);
        await host.StopAsync();
        return result.Passed ? 0 : 1;
    }

    public static int RunLocally(QueueModel model)
    {
        ExplorationResult result = model.Explore(new ExplorationOptions { MaxStates = 0 });
        Print(result);
        return result.Passed ? 0 : 1;
    }

    private static void Print(ExplorationResult result)
    {
        Console.WriteLine(result.Report);
        // One line for scripts (the benchmark's cluster command reads it).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"explored {result.DistinctStates} states in {result.Elapsed.TotalSeconds:F3} s ({result.DistinctStates / Math.Max(result.Elapsed.TotalSeconds, 1e-9):F0} states/s), this process's peak {PeakMegabytes()} MB"));
    }

    /// <summary>This process's peak resident memory (Linux' VmHWM), or -1 where /proc does not say.</summary>
    private static long PeakMegabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return -1;
        }

        foreach (string line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return -1;
    }
}
