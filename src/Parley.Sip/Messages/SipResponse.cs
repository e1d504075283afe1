namespace Parley.Sip.Messages;

/// <summary>A SIP response.</summary>
public sealed class SipResponse : SipMessage
{
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? SipReasonPhrases.Get(statusCode), null)
    {
    }

    internal SipResponse(int statusCode, string reasonPhrase, List<SipHeader>? headers)
        : base(headers)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    public override bool IsRequest => false;

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public bool IsProvisional => StatusCode < 200;

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
