namespace Parley.Routing.Events;

/// <summary>A sink that keeps events until the host drains them after a command.</summary>
public sealed class RoutingEventBuffer : IRoutingEventSink
{
    private readonly List<RoutingEvent> _events = [];

    public int Count => _events.Count;

    public IReadOnlyList<RoutingEvent> Pending => _events;

    public void Publish(RoutingEvent routingEvent) => _events.Add(routingEvent);

    /// <summary>Returns the buffered events in publication order and empties the buffer.</summary>
    public RoutingEvent[] Drain()
    {
        var events = _events.ToArray();
        _events.Clear();
        return events;
    }
}
