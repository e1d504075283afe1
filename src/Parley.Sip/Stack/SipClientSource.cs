using System.Net;
using Parley.Sip.Defence;
using Parley.Sip.Messages;
using Parley.Sip.Transport;

namespace Parley.Sip.Stack;

/// <summary>
/// The client behind a proxy: a proxy in front of the nodes (<see cref="SipDefenceOptions.ProxyAddresses"/>) adds
/// <c>X-Parley-Source: address:port</c> (IPv6 in brackets) to each request it relays from a client, after removing any
/// copy the client sent. Only a listed proxy is believed.
/// </summary>
public static class SipClientSource
{
    public const string HeaderName = "X-Parley-Source";

    /// <summary>The client of <paramref name="request"/>: the one its proxy names, else the transport peer.</summary>
    public static IPEndPoint Resolve(SipRequest request, ISipFlow flow, SipFloodGuard guard)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(guard);
        var peer = flow.RemoteEndPoint;
        if (!guard.IsProxy(peer.Address) || request.Headers.Get(HeaderName)?.Value is not { } named)
        {
            return peer;
        }

        return IPEndPoint.TryParse(named.Trim(), out var client) ? client : peer;
    }
}
