using System.Net;
using Parley.Media.Rtp;

namespace Parley.Media;

public sealed partial class MediaSession
{
    private void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        var audio = _audio;
        if (audio is null || !RtpPacket.TryParse(datagram, out var header))
        {
            Interlocked.Increment(ref _invalid);
            return;
        }

        var wasLatched = _latch.Latched;
        if (!_latch.Observe(source))
        {
            Interlocked.Increment(ref _otherSources);
            return;
        }

        if (!ReferenceEquals(wasLatched, _latch.Latched))
        {
            _remoteRtp = _latch.Latched;
            if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
            {
                _logger.Latched(LocalPort, source.ToString());
            }
        }

        var payload = RtpPacket.Payload(datagram, header);
        var now = _time.GetTimestamp();
        Heard(now);
        var arrival = (now - _startTimestamp) * 8000 / _time.TimestampFrequency;
        if (header.PayloadType == audio.TelephoneEventPayloadType)
        {
            _stats.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival, updateJitter: false);
            _digitsIn.Process(header.Timestamp, payload);
            return;
        }

        if (header.PayloadType != audio.PayloadType)
        {
            // Comfort noise (13) and anything not negotiated: counted as received, not played.
            _stats.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival, updateJitter: false);
            return;
        }

        _stats.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, arrival);
        if (Echo)
        {
            _outgoing.Write(payload);
        }

        AudioReceived?.Invoke(this, header, payload);
    }
}
