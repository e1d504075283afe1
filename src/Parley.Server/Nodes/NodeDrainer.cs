using Parley.Server.Logging;
using Parley.Server.Extensions;
using Parley.Voice.Calls;
using Parley.Voice.Calls.Outbound;

namespace Parley.Server.Nodes;

/// <summary>
/// Carries out this node's drain, once, whoever asks first (SIGTERM through <see cref="NodeDrainService"/>, or an operator
/// through the API): marks the node draining (<see cref="NodeDrain"/>), waits until its calls — to numbers and placed by
/// agents — are over or <c>Parley:Cluster:DrainTimeout</c> has passed, then ends the calls left (BYE, records closed
/// with cause <c>node_drain</c>). Asked through the API, the process then stops, so its service manager restarts it.
/// </summary>
internal sealed class NodeDrainer(
    NodeDrain drain,
    InboundCalls inbound,
    OutboundCalls outbound,
    ClusterTopology topology,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<NodeDrainer> logger)
{
    /// <summary>How long the calls ended at the limit may take to hang up and close their records.</summary>
    public static readonly TimeSpan EndingTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _sync = new();
    private Task? _run;

    /// <summary>Calls on this node now: calls to numbers (and placed calls once connected) and placed calls still ringing.</summary>
    public int LiveCalls => inbound.ActiveCalls + outbound.ActiveCalls;

    /// <summary>Starts the drain (or joins the one under way); completes when no call is left on the node.</summary>
    public Task DrainAsync()
    {
        lock (_sync)
        {
            return _run ??= RunAsync();
        }
    }

    /// <summary>Starts the drain and stops the application at its end (the operator's drain through the API).</summary>
    public void DrainThenExit() => _ = ExitAfterAsync(DrainAsync());

    private async Task RunAsync()
    {
        drain.Begin();
        var limit = topology.Options.DrainTimeout;
        Log.DrainStarted(logger, LiveCalls, limit);
        if (await WaitForNoCallsAsync(limit).ConfigureAwait(false))
        {
            Log.DrainFinished(logger);
            return;
        }

        var ended = await Task.WhenAll(inbound.EndAllForDrainAsync(), outbound.EndAllForDrainAsync()).WaitAsync(EndingTimeout, time).ConfigureAwait(false);
        Log.DrainEndedCalls(logger, ended.Sum(), limit);
    }

    /// <summary>True once no call is left; false when <paramref name="limit"/> passed first.</summary>
    private async Task<bool> WaitForNoCallsAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit, time);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEnded(Guid _) => changed.TrySetResult();
        inbound.CallEnded += OnEnded;
        outbound.CallEnded += OnEnded;
        try
        {
            while (true)
            {
                var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changed = next;
                if (LiveCalls == 0)
                {
                    return true;
                }

                try
                {
                    await next.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return LiveCalls == 0;
                }
            }
        }
        finally
        {
            inbound.CallEnded -= OnEnded;
            outbound.CallEnded -= OnEnded;
        }
    }

    private async Task ExitAfterAsync(Task run)
    {
        try
        {
            await run.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.DrainFailed(logger, ex);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
