using System.Security.Cryptography;
using System.Threading.Channels;
using Parley.Media;
using Parley.Media.Audio;
using Parley.Media.Codecs;
using Parley.Media.Rtp;

namespace Parley.Voice.Recording;

/// <summary>
/// Records a caller's voicemail as a mono 8 kHz 16-bit WAV from the session's incoming audio. The media hook only decodes
/// into a bounded queue (never blocks; a full queue drops the frame); a writer task appends to the file. Disposing detaches
/// the hook (restoring the handler that was there before). <see cref="FinishAsync"/> patches the header and hashes the file.
/// </summary>
public sealed class VoicemailRecorder : IAsyncDisposable
{
    private const int MaxFrameBytes = 960;

    /// <summary>A frame whose RMS is above this (of 32767) counts as sound; below is line noise or silence.</summary>
    private const double SoundRms = 300;

    private readonly MediaSession _session;
    private readonly AudioPayloadHandler? _previous;
    private readonly AudioPayloadHandler _handler;
    private readonly FileStream _stream;
    private readonly WavWriter _wav;
    private readonly Channel<short[]> _frames = Channel.CreateBounded<short[]>(new BoundedChannelOptions(500)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    private readonly Task _writer;
    private long _samples;
    private int _soundFrames;
    private volatile bool _listening = true;
    private int _detached;

    private VoicemailRecorder(MediaSession session, FileStream stream)
    {
        _session = session;
        _stream = stream;
        _wav = new WavWriter(stream, WavFormat.Pcm8kMono, leaveOpen: true);
        _writer = WriteAsync();
        _previous = session.AudioReceived;
        _handler = OnAudio;
        session.AudioReceived = _handler;
    }

    /// <summary>Frames with sound so far (the caller said something).</summary>
    public int SoundFrames => Volatile.Read(ref _soundFrames);

    /// <summary>Creates the file (and its directory) and starts recording the session's incoming audio into it.</summary>
    public static VoicemailRecorder Start(MediaSession session, string path)
    {
        ArgumentNullException.ThrowIfNull(session);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new VoicemailRecorder(session, new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 16 * 1024));
    }

    /// <summary>Stops listening, writes what is queued, patches the header and hashes the file.</summary>
    public async Task<RecordingResult> FinishAsync()
    {
        Detach();
        await _writer.ConfigureAwait(false);
        _wav.Dispose();
        await _stream.FlushAsync().ConfigureAwait(false);
        _stream.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(_stream).ConfigureAwait(false));
        var duration = TimeSpan.FromSeconds(_samples / 8000.0);
        return new RecordingResult(duration, _stream.Length, hash, 1, []);
    }

    public async ValueTask DisposeAsync()
    {
        Detach();
        await _writer.ConfigureAwait(false);
        _wav.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private void Detach()
    {
        if (Interlocked.Exchange(ref _detached, 1) != 0)
        {
            return;
        }

        _listening = false;
        if (_session.AudioReceived == _handler)
        {
            _session.AudioReceived = _previous;
        }

        _frames.Writer.TryComplete();
    }

    private async Task WriteAsync()
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            _wav.WriteSamples(frame);
            _samples += frame.Length;
        }
    }

    /// <summary>Media thread: decode and queue; never blocks.</summary>
    private void OnAudio(MediaSession session, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        _previous?.Invoke(session, header, payload);
        if (!_listening || session.Audio is not { } audio || payload.IsEmpty || payload.Length > MaxFrameBytes)
        {
            return;
        }

        var pcm = new short[payload.Length];
        G711.Decode(audio.Codec, payload, pcm);
        double sum = 0;
        foreach (var sample in pcm)
        {
            sum += (double)sample * sample;
        }

        if (Math.Sqrt(sum / pcm.Length) > SoundRms)
        {
            Interlocked.Increment(ref _soundFrames);
        }

        _frames.Writer.TryWrite(pcm);
    }
}
