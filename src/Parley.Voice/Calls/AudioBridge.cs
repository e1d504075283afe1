using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Dtmf;
using Parley.Media.Rtp;

namespace Parley.Voice.Calls;

/// <summary>
/// Relays two answered legs' media through Parley: each side's audio payload is queued for sending on the other
/// (re-encoded only when the legs agreed on different G.711 laws), and RFC 4733 / SIP INFO digits are passed on as
/// RFC 4733. Handlers run on the receive threads and only copy.
/// </summary>
internal sealed class AudioBridge
{
    private readonly MediaSession _a;
    private readonly MediaSession _b;
    private readonly Action<MediaSession, DtmfDigit> _digitsFromA;
    private readonly Action<MediaSession, DtmfDigit> _digitsFromB;

    private AudioBridge(MediaSession a, MediaSession b)
    {
        _a = a;
        _b = b;
        _digitsFromA = (_, digit) => b.SendDigits(digit.Digit.ToString());
        _digitsFromB = (_, digit) => a.SendDigits(digit.Digit.ToString());
    }

    public static AudioBridge Connect(MediaSession a, MediaSession b)
    {
        var bridge = new AudioBridge(a, b);
        a.Play(null);
        b.Play(null);
        a.AudioReceived = (session, in header, payload) => Relay(session, payload, b);
        b.AudioReceived = (session, in header, payload) => Relay(session, payload, a);
        a.DigitReceived += bridge._digitsFromA;
        b.DigitReceived += bridge._digitsFromB;
        return bridge;
    }

    public void Disconnect()
    {
        _a.AudioReceived = null;
        _b.AudioReceived = null;
        _a.DigitReceived -= _digitsFromA;
        _b.DigitReceived -= _digitsFromB;
    }

    private static void Relay(MediaSession from, ReadOnlySpan<byte> payload, MediaSession to)
    {
        var inCodec = from.Audio?.Codec;
        var outCodec = to.Audio?.Codec;
        if (inCodec is null || outCodec is null)
        {
            return;
        }

        if (inCodec == outCodec || payload.Length > 1024)
        {
            to.EnqueuePayload(payload);
            return;
        }

        Span<short> pcm = stackalloc short[payload.Length];
        Span<byte> encoded = stackalloc byte[payload.Length];
        G711.Decode(inCodec.Value, payload, pcm);
        G711.Encode(outCodec.Value, pcm, encoded);
        to.EnqueuePayload(encoded);
    }
}
