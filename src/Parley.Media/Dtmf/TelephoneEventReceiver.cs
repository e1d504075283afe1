namespace Parley.Media.Dtmf;

/// <summary>
/// Turns received RFC 4733 packets into digits. An event is identified by its RTP timestamp (§2.5.1.1); it is
/// reported once, on its first end packet — the two retransmitted end packets are ignored (§2.5.1.4). If every
/// end packet is lost, the event is reported when the next event starts or <see cref="Flush"/> is called.
/// </summary>
public sealed class TelephoneEventReceiver
{
    private readonly Action<DtmfDigit> _onDigit;
    private readonly int _clockRate;
    private bool _active;
    private uint _activeTimestamp;
    private byte _activeEvent;
    private ushort _activeDuration;
    private bool _hasReported;
    private uint _reportedTimestamp;

    public TelephoneEventReceiver(Action<DtmfDigit> onDigit, int clockRate = 8000)
    {
        _onDigit = onDigit;
        _clockRate = clockRate;
    }

    public int DigitsReported { get; private set; }

    /// <summary>Feeds one telephone-event payload with its packet's RTP timestamp.</summary>
    public void Process(uint rtpTimestamp, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEvent.TryParse(payload, out var ev))
        {
            return;
        }

        if (_hasReported && rtpTimestamp == _reportedTimestamp)
        {
            return;
        }

        if (_active && rtpTimestamp != _activeTimestamp)
        {
            // A new event began and we never saw the end of the previous one.
            Report(_activeEvent, _activeDuration, _activeTimestamp);
        }

        _active = true;
        _activeTimestamp = rtpTimestamp;
        _activeEvent = ev.Event;
        _activeDuration = Math.Max(_activeDuration, ev.Duration);
        if (ev.End)
        {
            Report(ev.Event, ev.Duration, rtpTimestamp);
        }
    }

    /// <summary>Reports an event whose end packets were all lost (call when media stops).</summary>
    public void Flush()
    {
        if (_active)
        {
            Report(_activeEvent, _activeDuration, _activeTimestamp);
        }
    }

    private void Report(byte eventCode, ushort duration, uint timestamp)
    {
        _active = false;
        _activeDuration = 0;
        _hasReported = true;
        _reportedTimestamp = timestamp;
        if (DtmfDigits.TryToDigit(eventCode, out var digit))
        {
            DigitsReported++;
            _onDigit(new DtmfDigit(digit, TimeSpan.FromSeconds(duration / (double)_clockRate)));
        }
    }
}
