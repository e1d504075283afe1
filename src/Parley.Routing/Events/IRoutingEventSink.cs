namespace Parley.Routing.Events;

/// <summary>
/// Receives every event synchronously while a command runs. Implementations must not call back into
/// the engine; buffer and forward after the command returns (see <see cref="RoutingEventBuffer"/>).
/// </summary>
public interface IRoutingEventSink
{
    void Publish(RoutingEvent routingEvent);
}
