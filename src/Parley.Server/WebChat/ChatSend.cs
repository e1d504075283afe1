namespace Parley.Server.WebChat;

/// <summary>
/// Sends one server frame to a visitor over whatever carries it (a WebSocket message, an event-stream event, a POST's
/// answer). <paramref name="eventId"/> is the agent message's sequence number for agent messages (an event stream's
/// <c>id:</c>, which a reconnecting browser sends back as <c>Last-Event-ID</c>), else 0.
/// </summary>
internal delegate Task ChatSend(byte[] frame, long eventId, CancellationToken ct);
