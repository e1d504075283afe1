using Parley.Cluster.Routing;
using Parley.Server.Routing;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Commands to a routing grain whose node has just died. Until the cluster declares that node dead (a few probes,
/// <c>Parley:Cluster:ProbeTimeout</c>) Orleans refuses messages for its grains (<see cref="OrleansMessageRejectionException"/>,
/// <see cref="SiloUnavailableException"/>); afterwards the grain reactivates on a survivor, rebuilt from the database. A
/// call on a surviving node waits that out instead of failing: the command is sent again with a growing pause for up to
/// <see cref="FailoverWindow"/>, or until the call is gone.
/// </summary>
internal sealed partial class GrainCallRouting
{
    /// <summary>How long a command keeps being retried; comfortably more than a dead node takes to be declared dead.</summary>
    public static readonly TimeSpan FailoverWindow = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Sends <paramref name="command"/> to the tenant's grain, again while its node is unreachable; answers the grain's answer and the attempts it took.</summary>
    private async Task<(T Result, int Attempts)> SendAsync<T>(Guid tenantId, Func<ITenantRoutingGrain, Task<T>> command, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await command(Grain(tenantId)), attempt);
            }
            catch (Exception exception)
                when (GrainUnreachable.Is(exception) && !cancellationToken.IsCancellationRequested && time.GetElapsedTime(started) + delay < FailoverWindow)
            {
                // Once per command: every live call of the tenant goes through this at the same moment.
                if (attempt == 1)
                {
                    CallHostLog.GrainUnreachable(logger, tenantId, exception.GetType().Name);
                }
            }
            catch (Exception exception) when (GrainUnreachable.Is(exception) && cancellationToken.IsCancellationRequested)
            {
                // The call ended (the caller hung up) while its tenant's grain was moving: that is the caller leaving, not a
                // failure of the call, whichever came first of the refusal and the hang-up.
                throw new OperationCanceledException("The call ended while its tenant's routing grain was moving to another node.", exception, cancellationToken);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }
}
