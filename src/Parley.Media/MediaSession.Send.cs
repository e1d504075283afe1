using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;

namespace Parley.Media;

public sealed partial class MediaSession
{
    private const int MaxQueuedFrames = 5;

    /// <summary>Called by the media clock every 20 ms: sends one packet (digit, queued payload, playback or silence).</summary>
    public void OnFrame(in MediaTick tick)
    {
        var audio = _audio;
        if (audio is null)
        {
            return;
        }

        if (tick.FramesSkipped > 0)
        {
            _sender.SkipSamples(tick.FramesSkipped * SamplesPerFrame);
            _talkspurt = true;
        }

        MaybeSendRtcp(tick.FrameIndex);
        CheckReceiveTimeout(tick, audio);
        var remote = _remoteRtp;
        if (!audio.CanSend || remote is null)
        {
            _sender.SkipSamples(SamplesPerFrame);
            _talkspurt = true;
            return;
        }

        if (audio.TelephoneEventPayloadType is { } te && SendDigitFrame((byte)te, remote))
        {
            return;
        }

        if (!NextAudioFrame(audio.Codec))
        {
            _sender.SkipSamples(SamplesPerFrame);
            _talkspurt = true;
            return;
        }

        var length = _sender.WriteNext(_packet, (byte)audio.PayloadType, _payload, SamplesPerFrame, _talkspurt);
        _talkspurt = false;
        _endpoint.SendRtp(_packet.AsSpan(0, length), remote);
    }

    private bool SendDigitFrame(byte payloadType, System.Net.SocketAddress remote)
    {
        Span<byte> eventPayload = stackalloc byte[4];
        if (!_digitsOut.TryWriteNext(eventPayload, out var starts, out _))
        {
            return false;
        }

        if (starts)
        {
            _eventTimestamp = _sender.NextTimestamp;
        }

        var length = _sender.WriteWithTimestamp(_packet, payloadType, eventPayload, _eventTimestamp, starts);
        _sender.SkipSamples(SamplesPerFrame);
        _endpoint.SendRtp(_packet.AsSpan(0, length), remote);
        _talkspurt = true;
        return true;
    }

    private bool NextAudioFrame(AudioCodec codec)
    {
        // Bound the latency of queued audio (echo, bridge): after a stall or clock drift between the peer and us,
        // drop the oldest audio down to a two-frame cushion instead of carrying the delay for the rest of the call.
        var queued = _outgoing.Count;
        if (queued > MaxQueuedFrames * SamplesPerFrame)
        {
            _outgoing.Discard(queued - (2 * SamplesPerFrame));
        }

        if (_outgoing.TryRead(_payload))
        {
            return true;
        }

        if (_source is { } source)
        {
            if (source.TryReadFrame(_pcm))
            {
                G711.Encode(codec, _pcm, _payload);
                return true;
            }
        }

        if (SendSilenceWhenIdle)
        {
            _payload.AsSpan().Fill(G711.Silence(codec));
            return true;
        }

        return false;
    }
}
