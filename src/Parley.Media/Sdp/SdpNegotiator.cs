using System.Globalization;
using Parley.Media.Codecs;

namespace Parley.Media.Sdp;

/// <summary>
/// SDP offer/answer (RFC 3264) for one audio stream with G.711 and telephone-event.
/// The answer keeps every offered m= line in order; streams we do not take are answered with port 0.
/// Among the codecs we support, the offerer's order wins (RFC 3264 §6.1).
/// </summary>
public static class SdpNegotiator
{
    public const string TelephoneEvent = "telephone-event";

    public static SessionDescription CreateOffer(SdpOfferParameters local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var session = NewSession(local);
        var media = new SdpMedia("audio", local.Port, "RTP/AVP");
        foreach (var codec in local.Codecs)
        {
            AddCodec(media, codec);
        }

        if (local.TelephoneEventPayloadType is { } te)
        {
            AddTelephoneEvent(media, te, "0-16");
        }

        media.Attributes.Add(new SdpAttribute("ptime", local.PtimeMs.ToString(CultureInfo.InvariantCulture)));
        media.SetDirection(local.Direction);
        session.Media.Add(media);
        return session;
    }

    /// <summary>Answers an offer; throws <see cref="SdpException"/> (488) when no audio stream can be accepted.</summary>
    public static SdpAnswer CreateAnswer(SessionDescription offer, SdpOfferParameters local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        if (offer.Media.Count == 0)
        {
            SdpThrow.Error(SdpError.NoMediaStreams, "The offer has no m= lines.");
        }

        var answer = NewSession(local);
        NegotiatedAudio? agreed = null;
        foreach (var offered in offer.Media)
        {
            if (agreed is null && TryAccept(offer, offered, local, out var audio))
            {
                agreed = audio;
                var media = new SdpMedia("audio", local.Port, offered.Protocol);
                AddCodec(media, audio.Codec, audio.PayloadType);
                if (audio.TelephoneEventPayloadType is { } te)
                {
                    AddTelephoneEvent(media, te, offered.GetFormatParameters(te) ?? "0-15");
                }

                media.Attributes.Add(new SdpAttribute("ptime", local.PtimeMs.ToString(CultureInfo.InvariantCulture)));
                media.SetDirection(audio.Direction);
                answer.Media.Add(media);
                continue;
            }

            var rejected = new SdpMedia(offered.MediaType, 0, offered.Protocol);
            rejected.Formats.AddRange(offered.Formats.Count > 0 ? offered.Formats : ["0"]);
            answer.Media.Add(rejected);
        }

        if (agreed is null)
        {
            SdpThrow.Error(SdpError.NoCommonCodec, "No offered audio stream has a codec we support (PCMU, PCMA).");
        }

        return new SdpAnswer(answer, agreed);
    }

    /// <summary>Reads the answer to our offer (we were the offerer).</summary>
    public static NegotiatedAudio ProcessAnswer(SessionDescription offer, SessionDescription answer, SdpOfferParameters local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(local);
        if (answer.Media.Count != offer.Media.Count)
        {
            SdpThrow.Error(SdpError.StreamCountMismatch, "The answer must have as many m= lines as the offer (RFC 3264 §6).");
        }

        for (var i = 0; i < answer.Media.Count; i++)
        {
            var m = answer.Media[i];
            if (!offer.Media[i].MediaType.Equals("audio", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (m.IsRejected)
            {
                SdpThrow.Error(SdpError.AnswerRejectedAudio, "The answer rejected our audio stream (port 0).");
            }

            // The answerer's view mirrored, limited by what we offered.
            var direction = EffectiveRemoteDirection(answer, m).Mirror() & local.Direction;
            if (TryChooseCodec(m, local.Codecs, out var codec, out var pt))
            {
                var te = FindTelephoneEvent(m);
                return new NegotiatedAudio(codec, pt, te, answer.ConnectionFor(m)!.Address, m.Port, direction, m.Ptime ?? 20)
                {
                    RemoteRtcpPort = RtcpPort(m),
                };
            }

            SdpThrow.Error(SdpError.NoCommonCodec, "The answer has no codec we offered.");
        }

        SdpThrow.Error(SdpError.AnswerRejectedAudio, "The answer has no audio stream.");
        return null;
    }

    private static bool TryAccept(SessionDescription session, SdpMedia offered, SdpOfferParameters local, out NegotiatedAudio audio)
    {
        audio = null!;
        if (!offered.MediaType.Equals("audio", StringComparison.OrdinalIgnoreCase) || offered.IsRejected || !offered.IsRtpAvp
            || !TryChooseCodec(offered, local.Codecs, out var codec, out var pt))
        {
            return false;
        }

        var te = local.TelephoneEventPayloadType is null ? null : FindTelephoneEvent(offered);
        var direction = EffectiveRemoteDirection(session, offered).Mirror() & local.Direction;
        audio = new NegotiatedAudio(codec, pt, te, session.ConnectionFor(offered)!.Address, offered.Port, direction, offered.Ptime ?? 20)
        {
            RemoteRtcpPort = RtcpPort(offered),
        };
        return true;
    }

    /// <summary>
    /// The peer's direction; a <c>c=0.0.0.0</c> (RFC 2543 hold) means the peer does not want to receive.
    /// </summary>
    private static MediaDirection EffectiveRemoteDirection(SessionDescription session, SdpMedia media)
    {
        var direction = media.GetDirection(session.SessionDirection);
        if (session.ConnectionFor(media) is { IsNullAddress: true })
        {
            direction &= ~MediaDirection.Receive;
        }

        return direction;
    }

    private static bool TryChooseCodec(SdpMedia media, IReadOnlyList<AudioCodec> supported, out AudioCodec codec, out int payloadType)
    {
        foreach (var format in media.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
            {
                continue;
            }

            AudioCodec? candidate = null;
            if (media.TryGetRtpMap(pt, out var map))
            {
                if (map.ClockRate == 8000 && map.Channels == 1)
                {
                    candidate = map.EncodingName.ToUpperInvariant() switch
                    {
                        "PCMU" => AudioCodec.Pcmu,
                        "PCMA" => AudioCodec.Pcma,
                        _ => null,
                    };
                }
            }
            else if (pt is 0 or 8)
            {
                candidate = (AudioCodec)pt;
            }

            if (candidate is { } c && Contains(supported, c))
            {
                codec = c;
                payloadType = pt;
                return true;
            }
        }

        codec = default;
        payloadType = -1;
        return false;
    }

    private static int? FindTelephoneEvent(SdpMedia media)
    {
        foreach (var format in media.Formats)
        {
            if (int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt >= 96
                && media.TryGetRtpMap(pt, out var map) && map.ClockRate == 8000
                && map.EncodingName.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase))
            {
                return pt;
            }
        }

        return null;
    }

    private static int RtcpPort(SdpMedia media)
    {
        var rtcp = media.GetAttribute("rtcp");
        if (rtcp is not null)
        {
            var end = rtcp.IndexOf(' ', StringComparison.Ordinal);
            var span = end < 0 ? rtcp.AsSpan() : rtcp.AsSpan(0, end);
            if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
            {
                return port;
            }
        }

        return media.Port + 1;
    }

    private static bool Contains(IReadOnlyList<AudioCodec> list, AudioCodec codec)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == codec)
            {
                return true;
            }
        }

        return false;
    }

    private static SessionDescription NewSession(SdpOfferParameters local)
    {
        var connection = SdpConnection.ForAddress(local.Address);
        var origin = new SdpOrigin(local.Username, local.SessionId, local.SessionVersion, "IN", connection.AddressType, connection.Address);
        var session = new SessionDescription(origin, "Parley") { Connection = connection };
        session.Timings.Add("0 0");
        return session;
    }

    private static void AddCodec(SdpMedia media, AudioCodec codec, int? payloadType = null)
    {
        var pt = payloadType ?? (int)codec;
        media.Formats.Add(pt.ToString(CultureInfo.InvariantCulture));
        var name = codec == AudioCodec.Pcmu ? "PCMU" : "PCMA";
        media.Attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(pt, name, 8000, 1).ToString()));
    }

    private static void AddTelephoneEvent(SdpMedia media, int payloadType, string events)
    {
        var pt = payloadType.ToString(CultureInfo.InvariantCulture);
        media.Formats.Add(pt);
        media.Attributes.Add(new SdpAttribute("rtpmap", new SdpRtpMap(payloadType, TelephoneEvent, 8000, 1).ToString()));
        media.Attributes.Add(new SdpAttribute("fmtp", pt + " " + events));
    }
}
