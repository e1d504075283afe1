using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

/// <summary>Receives what transports read: raw bytes to parse, plus the flow to answer on.</summary>
public interface ISipMessageSink
{
    /// <summary>True to accept bytes from this flow at all (flood defence runs before parsing).</summary>
    bool Admit(ISipFlow flow);

    /// <summary>
    /// The lock that <see cref="OnMessage"/> holds while it processes a message of this call (reentrant). A transport
    /// reading one socket from several threads takes it before the next datagram may be read, so the messages of one
    /// call are processed in the order they were received.
    /// </summary>
    Lock CallLock(Messages.SipMessage message);

    /// <summary>One whole message has been framed and parsed.</summary>
    void OnMessage(Messages.SipMessage message, ISipFlow flow);

    /// <summary>Parsing failed; <paramref name="raw"/> is what was received (for a stateless answer).</summary>
    void OnRejected(SipParseException error, ReadOnlySpan<byte> raw, ISipFlow flow);
}
