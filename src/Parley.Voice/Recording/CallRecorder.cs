using System.Security.Cryptography;
using Parley.Media.Codecs;
using Parley.Media.Recording;

namespace Parley.Voice.Recording;

/// <summary>
/// Records one call as a stereo 8 kHz 16-bit WAV, written as it goes (one 20 ms frame per <see cref="Tick"/>, which the
/// node's <see cref="RecordingClock"/> calls):
/// left the customer, right the agent side — every agent or supervisor leg that feeds <see cref="AgentFrame"/> is mixed
/// into it. The media hooks (<see cref="CustomerFrame"/>, <see cref="AgentFrame"/>) run on receive threads and only
/// decode into a short per-source queue; the clock writes one frame per tick, silence for a side that sent nothing, so
/// hold, a transfer gap or a lost packet keeps both channels aligned in time. While paused the file gets silence.
/// The hooks and the file never share a lock: a hook takes only the queues' lock, held for a copy and never across I/O,
/// so a slow disk delays the recording's clock, not the call's media; decoded frames are reused, not allocated per packet.
/// </summary>
public sealed class CallRecorder : IDisposable
{
    /// <summary>Samples in one 20 ms frame at 8 kHz.</summary>
    public const int FrameSamples = 160;

    /// <summary>Frames a source may be ahead of the clock (jitter) before the oldest are dropped.</summary>
    private const int MaxQueuedFrames = 10;

    private static readonly object CustomerSource = new();

    /// <summary>The file, the pauses and the end: taken by the clock, pause/resume and finish, never by a media hook.</summary>
    private readonly Lock _gate = new();

    /// <summary>The per-source queues and the spare frames: taken by the media hooks and, for a copy, by the clock.</summary>
    private readonly Lock _queues = new();
    private readonly Stream _stream;
    private readonly StereoWavRecorder _wav;
    private readonly Dictionary<object, Queue<short[]>> _sources = [];
    private readonly Stack<short[]> _spare = new();
    private readonly List<RecordingPause> _pauses = [];
    private readonly short[] _left = new short[FrameSamples];
    private readonly short[] _right = new short[FrameSamples];
    private readonly int[] _mix = new int[FrameSamples];
    private TimeSpan? _pausedAt;
    private volatile bool _finished;

    public CallRecorder(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanRead)
        {
            throw new ArgumentException("A recording needs a readable, seekable stream (to patch the header and hash the file).", nameof(stream));
        }

        _stream = stream;
        _wav = new StereoWavRecorder(stream, FrameSamples, leaveOpen: true);
    }

    /// <summary>Audio written so far (including paused silence).</summary>
    public TimeSpan Duration
    {
        get
        {
            lock (_gate)
            {
                return _wav.Duration;
            }
        }
    }

    public bool Paused
    {
        get
        {
            lock (_gate)
            {
                return _pausedAt is not null;
            }
        }
    }

    /// <summary>Creates the file (and its directory) and records into it.</summary>
    public static CallRecorder Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new CallRecorder(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 16 * 1024));
    }

    /// <summary>Hook: one G.711 payload the customer sent.</summary>
    public void CustomerFrame(AudioCodec codec, ReadOnlySpan<byte> payload) => Enqueue(CustomerSource, codec, payload);

    /// <summary>Hook: one G.711 payload from an agent-side leg (<paramref name="source"/> tells the legs apart for mixing).</summary>
    public void AgentFrame(object source, AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(source);
        Enqueue(source, codec, payload);
    }

    /// <summary>Pauses: from now on the file gets silence. Returns false when already paused or finished.</summary>
    public bool Pause()
    {
        lock (_gate)
        {
            if (_finished || _pausedAt is not null)
            {
                return false;
            }

            _pausedAt = _wav.Duration;
            return true;
        }
    }

    /// <summary>Resumes after <see cref="Pause"/>. Returns false when not paused.</summary>
    public bool Resume()
    {
        lock (_gate)
        {
            if (_finished || _pausedAt is not { } start)
            {
                return false;
            }

            _pauses.Add(new RecordingPause(start, _wav.Duration));
            _pausedAt = null;
            return true;
        }
    }

    /// <summary>The clock: writes the next 20 ms frame from what each side queued (silence where nothing came).</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            var agentSources = TakeNextFrames();
            if (_pausedAt is not null)
            {
                _wav.WriteFrame([], []);
            }
            else
            {
                _wav.WriteFrame(_left, agentSources == 0 ? [] : _right);
            }
        }
    }

    /// <summary>
    /// Moves each source's next frame into the left channel or the right one (mixed when several agent-side legs sent
    /// one: summed, then clamped once); returns how many agent-side sources sent one. A call has one agent-side leg
    /// nearly always, so its frame is copied as it is and the mix buffer is only touched from the second leg on.
    /// </summary>
    private int TakeNextFrames()
    {
        var customerSent = false;
        var agentSources = 0;
        lock (_queues)
        {
            foreach (var (source, queue) in _sources)
            {
                if (!queue.TryDequeue(out var frame))
                {
                    continue;
                }

                if (ReferenceEquals(source, CustomerSource))
                {
                    frame.CopyTo(_left, 0);
                    customerSent = true;
                }
                else
                {
                    AddToRight(frame, agentSources++);
                }

                _spare.Push(frame);
            }
        }

        if (!customerSent)
        {
            Array.Clear(_left);
        }

        if (agentSources > 1)
        {
            for (var i = 0; i < FrameSamples; i++)
            {
                _right[i] = (short)Math.Clamp(_mix[i], short.MinValue, short.MaxValue);
            }
        }

        return agentSources;
    }

    /// <summary>Puts an agent-side frame in the right channel: the first of the tick is copied, the next ones summed in the mix.</summary>
    private void AddToRight(short[] frame, int earlier)
    {
        if (earlier == 0)
        {
            frame.CopyTo(_right, 0);
            return;
        }

        if (earlier == 1)
        {
            for (var i = 0; i < FrameSamples; i++)
            {
                _mix[i] = _right[i];
            }
        }

        for (var i = 0; i < FrameSamples; i++)
        {
            _mix[i] += frame[i];
        }
    }

    /// <summary>Ends the recording: closes an open pause, patches the header and hashes the file.</summary>
    public RecordingResult Finish()
    {
        lock (_gate)
        {
            if (!_finished)
            {
                if (_pausedAt is { } start)
                {
                    _pauses.Add(new RecordingPause(start, _wav.Duration));
                    _pausedAt = null;
                }

                _wav.Dispose();
                _stream.Flush();
                _finished = true;
            }

            _stream.Position = 0;
            var hash = Convert.ToHexStringLower(SHA256.HashData(_stream));
            return new RecordingResult(_wav.Duration, _stream.Length, hash, 2, [.. _pauses]);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_finished)
            {
                _wav.Dispose();
                _finished = true;
            }

            _stream.Dispose();
        }
    }

    private void Enqueue(object source, AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0 || _finished)
        {
            return;
        }

        var n = Math.Min(payload.Length, FrameSamples);
        lock (_queues)
        {
            if (!_sources.TryGetValue(source, out var queue))
            {
                queue = new Queue<short[]>(MaxQueuedFrames);
                _sources[source] = queue;
            }

            var frame = queue.Count >= MaxQueuedFrames ? queue.Dequeue() : _spare.Count > 0 ? _spare.Pop() : new short[FrameSamples];
            G711.Decode(codec, payload[..n], frame);
            if (n < FrameSamples)
            {
                Array.Clear(frame, n, FrameSamples - n);
            }

            queue.Enqueue(frame);
        }
    }
}
