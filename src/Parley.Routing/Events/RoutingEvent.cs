namespace Parley.Routing.Events;

/// <summary>
/// A change in the engine. Hosts forward events to SignalR, webhooks and the routing history, in the
/// order they are published.
/// </summary>
public abstract record RoutingEvent(DateTimeOffset At);
