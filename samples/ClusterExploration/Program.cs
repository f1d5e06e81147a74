using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ClusterExploration;

// ClusterExploration silo <silo port> <gateway port> [<primary silo port>]
// ClusterExploration client <gateway port>[,<gateway port>...] [fixed5|fixed6|fixed3] [<shards per silo>]
// ClusterExploration local [fixed5|fixed6|fixed3]
return args.FirstOrDefault() switch
{
    "silo" when args.Length is 3 or 4 =>
        await SiloCommand.RunAsync(Port(args[1]), Port(args[2]), args.Length == 4 ? Port(args[3]) : Port(args[1])),
    "client" when args.Length is >= 2 and <= 4 =>
        await ClientCommand.RunAsync(
            args[1].Split(',').Select(Port).ToArray(),
            QueueModel.Named(args.Length > 2 ? args[2] : "fixed5"),
            args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1),
    "local" when args.Length is 1 or 2 =>
        ClientCommand.RunLocally(QueueModel.Named(args.Length > 1 ? args[1] : "fixed5")),
    _ => Usage(),
};

static int Port(string text) => int.Parse(text, CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          ClusterExploration silo <silo port> <gateway port> [<primary silo port>]
              joins (or, without a primary port, starts) a localhost cluster, with exploration added
          ClusterExploration client <gateway port>[,<gateway port>...] [fixed5|fixed6|fixed3] [<shards per silo>]
              explores the merge queue on that cluster and prints the report
          ClusterExploration local [fixed5|fixed6|fixed3]
              explores it in this process (Explore()), to compare
        """);
    return 2;
}
