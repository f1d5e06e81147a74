using System;
using System.Collections.Generic;
using System.Reflection;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// One shard of a cluster exploration, hosted by the cluster (in Orleans, by a grain): it keeps the states whose hash
/// falls to it, their parent links and its frontier, and expands its frontier with the engine's own per-state routine.
/// The first request of a run names the model's generated adapter by type, so the host's process must reference the
/// assembly that holds the model. Calls are never concurrent: <see cref="Handle"/> and <see cref="Deliver"/> may
/// interleave only between a request's <see cref="ShardResponse"/> and the return of its reply.
/// </summary>
public sealed class ShardHost
{
    private static readonly IReadOnlyList<ShardDelivery> NoDeliveries = Array.Empty<ShardDelivery>();

    // Null until the run's first request, and again after its last: a host created in the middle of a run (its member
    // was lost) has none, and says so rather than answer as if it held the shard's states.
    private ShardState? state;

    /// <summary>Creates the host of one shard of one run.</summary>
    /// <param name="run">The run's identifier.</param>
    /// <param name="shard">The shard's number.</param>
    public ShardHost(string run, int shard)
    {
        Run = run;
        Shard = shard;
    }

    /// <summary>The run's identifier.</summary>
    public string Run { get; }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>
    /// True from the run's first request until its last: a host that is not open holds nothing (the run ended, or the
    /// host was created after the run began), so the cluster may drop it, as Orleans deactivates a grain.
    /// </summary>
    public bool IsOpen => state is not null;

    /// <summary>Answers one request of the engine.</summary>
    /// <param name="request">The engine's bytes.</param>
    /// <returns>The reply, and the deliveries to make before returning it.</returns>
    public ShardResponse Handle(byte[] request)
    {
        var reader = new MessageReader(request);
        var reply = new MessageWriter();
        reply.Byte((byte)ShardReplyStatus.Ok);
        IReadOnlyList<ShardDelivery> deliveries = NoDeliveries;
        try
        {
            var kind = (ShardRequestKind)reader.Byte();
            if (kind == ShardRequestKind.Open)
            {
                state = Open(reader);
            }
            else if (kind == ShardRequestKind.Close)
            {
                state = null;
            }
            else if (state is null)
            {
                return new ShardResponse(new[] { (byte)ShardReplyStatus.UnknownRun }, NoDeliveries);
            }
            else
            {
                switch (kind)
                {
                    case ShardRequestKind.Initial:
                        state.AddInitial(reader, reply);
                        break;
                    case ShardRequestKind.Expand:
                        deliveries = state.Expand(reader, reply);
                        break;
                    case ShardRequestKind.Count:
                        state.CountNew(reply);
                        break;
                    case ShardRequestKind.Merge:
                        state.Merge(reader, reply);
                        break;
                    case ShardRequestKind.Record:
                        state.Record(reader, reply);
                        break;
                    case ShardRequestKind.GatherStates:
                        state.GatherStates(reader, reply);
                        break;
                    case ShardRequestKind.GatherEdges:
                        state.GatherEdges(reader, reply);
                        break;
                    default:
                        throw new FormatException("Unknown request kind " + (int)kind + ".");
                }
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            var failed = new MessageWriter();
            failed.Byte((byte)ShardReplyStatus.Failed);
            failed.Text(error.GetType().Name + ": " + error.Message);
            return new ShardResponse(failed.ToArray(), NoDeliveries);
        }

        return new ShardResponse(reply.ToArray(), deliveries);
    }

    /// <summary>Takes a delivery another shard made while answering a request.</summary>
    /// <param name="payload">The engine's bytes.</param>
    public void Deliver(byte[] payload)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        // A host that does not know the run drops it: its next request says the run is unknown.
        state?.Deliver(payload);
    }

    private ShardState Open(MessageReader request)
    {
        string adapter = request.Text();
        int shards = request.Count();
        long maxSteps = request.Long();
        int maxDepth = request.Count();
        bool continueAfterViolation = request.Bool();
        bool recordEdges = request.Bool();
        Type type = Type.GetType(adapter, throwOnError: false) ?? Type.GetType(adapter, LoadedAssembly, null, throwOnError: false)
            ?? throw new InvalidOperationException("The model adapter '" + adapter + "' is not loaded in the shard's process: reference the model's assembly there.");
        if (Activator.CreateInstance(type, nonPublic: true) is not IModel<PackedState> model)
        {
            throw new InvalidOperationException("'" + adapter + "' is not a model encoded by the generator.");
        }

        return new ShardState(model, Shard, shards, maxSteps, maxDepth, continueAfterViolation, recordEdges);
    }

    /// <summary>
    /// An assembly already loaded in this process with exactly that name, where the loader does not look: a model
    /// compiled at run time (a test's, a plug-in's) is found where the coordinator's process loaded it.
    /// </summary>
    private static Assembly? LoadedAssembly(AssemblyName name)
    {
        foreach (Assembly loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (string.Equals(loaded.FullName, name.FullName, StringComparison.Ordinal))
            {
                return loaded;
            }
        }

        return null;
    }
}
