using System;
using System.Net;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace ClusterExploration;

/// <summary>One silo of a localhost cluster, with exploration added; it runs until stopped (Ctrl+C).</summary>
internal static class SiloCommand
{
    public static async Task<int> RunAsync(int siloPort, int gatewayPort, int primarySiloPort)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Localhost clustering: the silo on the primary port keeps the membership, every other silo joins it there. A
        // real deployment names a membership provider instead (README, "Exploring on an Orleans cluster").
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primarySiloPort))
            .AddMergeQueueExploration());
        using IHost host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"silo ready: process {Environment.ProcessId}, silo port {siloPort}, gateway port {gatewayPort}");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
