using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Dtmf;
using Parley.Media.Rtp;
using Parley.Voice.Recording;

namespace Parley.Voice.Calls;

/// <summary>
/// Relays two answered legs' media through Parley: each side's audio payload is queued for sending on the other
/// (re-encoded only when the legs agreed on different G.711 laws), and RFC 4733 / SIP INFO digits are passed on as
/// RFC 4733. Handlers run on the receive threads and only copy. <see cref="Held"/> stops both directions (the call plays
/// music to the customer itself); <see cref="Muted"/> stops the agent side (<c>b</c>) reaching the customer (<c>a</c>).
/// </summary>
internal sealed class AudioBridge
{
    private readonly MediaSession _a;
    private readonly MediaSession _b;
    private readonly Action<MediaSession, DtmfDigit> _digitsFromA;
    private readonly Action<MediaSession, DtmfDigit> _digitsFromB;
    private volatile bool _held;
    private volatile bool _muted;
    private volatile CallRecorder? _recorder;

    private AudioBridge(MediaSession a, MediaSession b)
    {
        _a = a;
        _b = b;
        _digitsFromA = (_, digit) =>
        {
            if (!_held)
            {
                b.SendDigits(digit.Digit.ToString());
            }
        };
        _digitsFromB = (_, digit) =>
        {
            if (!_held && !_muted)
            {
                a.SendDigits(digit.Digit.ToString());
            }
        };
    }

    /// <summary>On hold: neither side hears the other.</summary>
    public bool Held
    {
        get => _held;
        set => _held = value;
    }

    /// <summary>Muted: the customer (<c>a</c>) does not hear the agent (<c>b</c>).</summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>The call's recorder, if it is recorded: fed the customer's frames and the agent's (as the customer hears them).</summary>
    public CallRecorder? Recorder
    {
        get => _recorder;
        set => _recorder = value;
    }

    public static AudioBridge Connect(MediaSession a, MediaSession b)
    {
        var bridge = new AudioBridge(a, b);
        a.Play(null);
        b.Play(null);
        a.AudioReceived = (session, in header, payload) =>
        {
            if (bridge._recorder is { } recorder && session.Audio?.Codec is { } codec)
            {
                recorder.CustomerFrame(codec, payload);
            }

            if (!bridge._held)
            {
                Relay(session, payload, b);
            }
        };
        b.AudioReceived = (session, in header, payload) =>
        {
            if (!bridge._held && !bridge._muted)
            {
                if (bridge._recorder is { } recorder && session.Audio?.Codec is { } codec)
                {
                    recorder.AgentFrame(session, codec, payload);
                }

                Relay(session, payload, a);
            }
        };
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
