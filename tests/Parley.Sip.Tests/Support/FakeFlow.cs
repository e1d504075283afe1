using System.Net;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Support;

/// <summary>An in-memory flow that records every message sent through it.</summary>
public sealed class FakeFlow(bool reliable = false) : ISipFlow
{
    private readonly SipParser _parser = new();

    public List<SipMessage> Sent { get; } = [];

    public string Transport => IsReliable ? "TCP" : "UDP";

    public bool IsReliable { get; } = reliable;

    public IPEndPoint RemoteEndPoint { get; } = new(IPAddress.Parse("192.0.2.10"), 5062);

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

    public IEnumerable<SipResponse> Responses => Sent.OfType<SipResponse>();

    public ValueTask SendAsync(ReadOnlyMemory<byte> message)
    {
        lock (Sent)
        {
            Sent.Add(_parser.ParseDatagram(message.Span));
        }

        return ValueTask.CompletedTask;
    }
}
