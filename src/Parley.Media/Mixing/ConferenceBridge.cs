using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;

namespace Parley.Media.Mixing;

/// <summary>
/// Joins <see cref="MediaSession"/>s into one conference on the media clock: each frame it takes 20 ms of every
/// member's received audio, mixes with <see cref="AudioMixer"/> (everyone hears everyone but themselves) and queues
/// each member's mix for sending. Members can be listen-only or whisper to one member (supervisor modes). The bridge
/// takes over each member's <see cref="MediaSession.AudioReceived"/>. Register it on the engine's clock with
/// <see cref="Start"/>; dispose to stop.
/// </summary>
public sealed class ConferenceBridge : IPacedStream, IDisposable
{
    private const int FrameSamples = 160;
    private readonly Lock _lock = new();
    private readonly AudioMixer _mixer = new(FrameSamples);
    private readonly List<Member> _members = [];
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly byte[] _codes = new byte[FrameSamples];
    private MediaClockRegistration? _registration;

    public int MemberCount
    {
        get
        {
            lock (_lock)
            {
                return _members.Count;
            }
        }
    }

    public void Start(MediaEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _registration ??= engine.Clock.Register(this);
    }

    /// <summary>Adds a started session; returns its mixer party (set <see cref="MixerParty.Speaks"/> or <see cref="MixerParty.WhisperTo"/> for supervisors).</summary>
    /// <param name="session">The member's media.</param>
    /// <param name="tap">
    /// Optional: also called with every payload the member sends, on the receive thread (a recorder's hook); it must
    /// only copy.
    /// </param>
    public MixerParty Join(MediaSession session, AudioPayloadHandler? tap = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var fifo = new PayloadFifo(FrameSamples * 10);
        lock (_lock)
        {
            var member = new Member(session, _mixer.AddParty(), fifo);
            _members.Add(member);
            session.AudioReceived = tap is null
                ? (MediaSession _, in RtpHeader _, ReadOnlySpan<byte> payload) => fifo.Write(payload)
                : (MediaSession s, in RtpHeader h, ReadOnlySpan<byte> payload) =>
                {
                    fifo.Write(payload);
                    tap(s, h, payload);
                };
            return member.Party;
        }
    }

    public bool Leave(MediaSession session)
    {
        lock (_lock)
        {
            var index = _members.FindIndex(m => m.Session == session);
            if (index < 0)
            {
                return false;
            }

            session.AudioReceived = null;
            _mixer.RemoveParty(_members[index].Party);
            _members.RemoveAt(index);
            return true;
        }
    }

    public void OnFrame(in MediaTick tick)
    {
        lock (_lock)
        {
            foreach (var m in _members)
            {
                if (m.Session.Audio is { } audio && m.Incoming.TryRead(_codes))
                {
                    G711.Decode(audio.Codec, _codes, _pcm);
                    m.Party.SetInput(_pcm);
                }
            }

            _mixer.Mix();
            foreach (var m in _members)
            {
                if (m.Session.Audio is { } audio)
                {
                    G711.Encode(audio.Codec, m.Party.Output, _codes);
                    m.Session.EnqueuePayload(_codes);
                }
            }
        }
    }

    public void Dispose()
    {
        _registration?.Dispose();
        lock (_lock)
        {
            foreach (var m in _members)
            {
                m.Session.AudioReceived = null;
            }

            _members.Clear();
        }
    }

    private sealed record Member(MediaSession Session, MixerParty Party, PayloadFifo Incoming);
}
