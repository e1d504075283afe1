using Parley.Routing;

namespace Parley.Cluster.Routing;

/// <summary><c>Parley:Routing</c>: how the per-tenant routing grain runs its engine.</summary>
public sealed class RoutingHostOptions
{
    public const string Section = "Parley:Routing";

    /// <summary>
    /// Period of the grain's one heartbeat timer, which fires offer timeouts, wrap-up limits and waiting-time rules
    /// and pushes queue statistics. Every command also fires the timers already due. Default 500 ms; 10 ms to 1 minute.
    /// </summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Offers missed in a row before the engine sets the agent not ready (0 disables, at most 100). Default 2.</summary>
    public int AutoNotReadyAfterMissedOffers { get; set; } = 2;

    public RoutingOptions ToEngineOptions() => new() { AutoNotReadyAfterMissedOffers = AutoNotReadyAfterMissedOffers };
}
