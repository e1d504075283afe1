namespace Parley.Sip.Messages;

/// <summary>A SIP request.</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri? _uri;

    public SipRequest(string method, string requestUri)
        : this(method, requestUri, null)
    {
    }

    internal SipRequest(string method, string requestUri, List<SipHeader>? headers)
        : base(headers)
    {
        Method = method;
        RequestUri = requestUri;
    }

    public override bool IsRequest => true;

    public string Method { get; }

    /// <summary>
    /// Who sent the request, as the stack established it: the transport peer, or the client a trusted proxy in front
    /// named (<see cref="Stack.SipClientSource"/>). Null until the stack has received it. Policy (flood, guessing,
    /// admission, trunks) uses this; responses still go back the way the request came.
    /// </summary>
    public System.Net.IPEndPoint? Client { get; internal set; }

    /// <summary>Request-URI as received.</summary>
    public string RequestUri { get; }

    /// <summary>Request-URI parsed (throws <see cref="Parsing.SipParseException"/> if invalid).</summary>
    public SipUri Uri => _uri ??= SipUri.Parse(RequestUri, Parsing.SipRejectionReason.InvalidRequestUri);
}
