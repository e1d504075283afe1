using System.Net;
using Parley.Media.Codecs;

namespace Parley.Media.Sdp;

/// <summary>What we put in an offer or an answer about ourselves.</summary>
public sealed record SdpOfferParameters(IPAddress Address, int Port)
{
    /// <summary>Codecs we accept, in our order of preference for offers. Answers honour the offerer's order.</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>Payload type we offer for telephone-event (RFC 4733); null to not offer it.</summary>
    public int? TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Our own direction: sendonly to put the peer on hold, inactive to stop media both ways.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;

    public int PtimeMs { get; init; } = 20;

    public ulong SessionId { get; init; } = 1;

    public ulong SessionVersion { get; init; } = 1;

    public string Username { get; init; } = "parley";
}
