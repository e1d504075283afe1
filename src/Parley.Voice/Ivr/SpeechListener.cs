using Parley.Media;
using Parley.Media.Codecs;
using Parley.Media.Rtp;
using Parley.Speech.Recognition;

namespace Parley.Voice.Ivr;

/// <summary>
/// Feeds a session's incoming audio to a recogniser while it lives: on the media thread it decodes G.711 to a stack
/// buffer and calls <see cref="IRecognitionSession.TryWrite"/>, which never blocks. Disposing detaches it (restoring the
/// handler that was there before) and frees the recogniser.
/// </summary>
internal sealed class SpeechListener : IAsyncDisposable
{
    private const int MaxFrameBytes = 960;
    private readonly MediaSession _session;
    private readonly IRecognitionSession _recognition;
    private readonly AudioPayloadHandler? _previous;
    private readonly AudioPayloadHandler _handler;
    private volatile bool _listening = true;
    private int _disposed;

    public SpeechListener(MediaSession session, IRecognitionSession recognition)
    {
        _session = session;
        _recognition = recognition;
        _previous = session.AudioReceived;
        _handler = OnAudio;
        session.AudioReceived = _handler;
    }

    public Task<RecognitionResult> Result => _recognition.Result;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _listening = false;
        if (_session.AudioReceived == _handler)
        {
            _session.AudioReceived = _previous;
        }

        await _recognition.DisposeAsync().ConfigureAwait(false);
    }

    private void OnAudio(MediaSession session, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        _previous?.Invoke(session, header, payload);
        if (!_listening || session.Audio is not { } audio || payload.IsEmpty || payload.Length > MaxFrameBytes)
        {
            return;
        }

        Span<short> pcm = stackalloc short[payload.Length];
        G711.Decode(audio.Codec, payload, pcm);
        _recognition.TryWrite(pcm);
    }
}
