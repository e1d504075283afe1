namespace Parley.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 packet train for queued digits, one packet per 20 ms frame: a first packet with the
/// marker bit, continuation packets with growing duration, then the end packet three times (§2.5.1.4), all with
/// the timestamp of the event's start. A pause of one frame separates digits. Not thread-safe: enqueue via
/// <see cref="Enqueue"/> which is guarded, produce from the scheduler thread.
/// </summary>
public sealed class TelephoneEventSender
{
    private const int EndRepeats = 3;
    private readonly Lock _lock = new();
    private readonly Queue<byte> _pending = new();
    private readonly int _samplesPerFrame;
    private readonly ushort _durationSamples;
    private byte _event;
    private int _elapsed;
    private int _endSent;
    private bool _active;
    private bool _gap;

    public TelephoneEventSender(int samplesPerFrame = 160, int digitDurationMs = 100, int clockRate = 8000)
    {
        _samplesPerFrame = samplesPerFrame;
        _durationSamples = (ushort)Math.Min(ushort.MaxValue, digitDurationMs * clockRate / 1000);
    }

    public byte Volume { get; init; } = 10;

    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _active || _gap || _pending.Count > 0;
            }
        }
    }

    public bool Enqueue(char digit)
    {
        if (!DtmfDigits.TryToEvent(digit, out var code))
        {
            return false;
        }

        lock (_lock)
        {
            _pending.Enqueue(code);
        }

        return true;
    }

    /// <summary>
    /// Called once per frame. Returns false when there is nothing to send this frame (audio may be sent instead).
    /// <paramref name="startsEvent"/> is true on the first packet of an event: the caller sets the marker bit and
    /// takes the current media timestamp as the event timestamp for the whole train.
    /// </summary>
    public bool TryWriteNext(Span<byte> payload, out bool startsEvent, out bool isEnd)
    {
        startsEvent = false;
        isEnd = false;
        lock (_lock)
        {
            if (!_active)
            {
                if (_gap)
                {
                    _gap = false;
                    return false;
                }

                if (!_pending.TryDequeue(out _event))
                {
                    return false;
                }

                _active = true;
                _elapsed = 0;
                _endSent = 0;
                startsEvent = true;
            }

            if (_elapsed < _durationSamples)
            {
                _elapsed = Math.Min(_elapsed + _samplesPerFrame, _durationSamples);
                new TelephoneEvent(_event, false, Volume, (ushort)_elapsed).Write(payload);
                return true;
            }

            isEnd = true;
            new TelephoneEvent(_event, true, Volume, (ushort)_elapsed).Write(payload);
            if (++_endSent == EndRepeats)
            {
                _active = false;
                _gap = true;
            }

            return true;
        }
    }
}
