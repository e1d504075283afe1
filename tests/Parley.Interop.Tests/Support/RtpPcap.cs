using System.Buffers.Binary;
using Parley.Media.Codecs;

namespace Parley.Interop.Tests.Support;

/// <summary>
/// Writes what a SIPp caller says as a pcap for SIPp's <c>play_pcap_audio</c>: one RTP stream (one SSRC, PCMU and
/// RFC 4733 telephone-events on payload type 101) on a timeline, each packet timed at its place in the call.
/// SIPp replays the UDP payloads with the capture's timing, from its media port to the far end's SDP address.
/// </summary>
internal sealed class RtpPcap
{
    private const int FrameSamples = 160;
    private const byte EventPayloadType = 101;
    private readonly List<(TimeSpan At, byte[] Rtp)> _packets = [];
    private readonly List<(TimeSpan From, TimeSpan To)> _digits = [];
    private readonly short[] _timeline;

    /// <summary>A continuous stream of <paramref name="length"/> (silence until something is said), as a phone sends.</summary>
    public RtpPcap(TimeSpan length)
    {
        _timeline = new short[(int)(8000 * length.TotalSeconds) / FrameSamples * FrameSamples];
    }

    /// <summary>An RFC 4733 key press (event <paramref name="digit"/>, 160 ms, three end packets) at <paramref name="at"/>, in place of the audio.</summary>
    public RtpPcap Digit(TimeSpan at, char digit)
    {
        var eventCode = digit switch { '*' => 10, '#' => 11, _ => digit - '0' };
        var timestamp = Timestamp(at);
        for (var i = 1; i <= 8; i++)
        {
            Add(at + TimeSpan.FromMilliseconds(20 * (i - 1)), EventPayloadType, marker: i == 1, timestamp, Event(eventCode, end: false, (ushort)(i * FrameSamples)));
        }

        for (var i = 0; i < 3; i++)
        {
            Add(at + TimeSpan.FromMilliseconds(160 + (20 * i)), EventPayloadType, marker: false, timestamp, Event(eventCode, end: true, 8 * FrameSamples));
        }

        _digits.Add((at, at + TimeSpan.FromMilliseconds(220)));
        return this;
    }

    /// <summary>8 kHz audio said from <paramref name="at"/> on (cut at the end of the stream).</summary>
    public RtpPcap Audio(TimeSpan at, ReadOnlySpan<short> samples)
    {
        var start = (int)(at.TotalSeconds * 8000);
        var length = Math.Min(samples.Length, _timeline.Length - start);
        samples[..length].CopyTo(_timeline.AsSpan(start));
        return this;
    }

    public static short[] Tone(double frequency, TimeSpan length, short amplitude = 8000)
    {
        var samples = new short[(int)(8000 * length.TotalSeconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / 8000));
        }

        return samples;
    }

    /// <summary>Writes a classic pcap (Ethernet, IPv4, UDP 10.0.0.1:10000 → 10.0.0.2:20000; SIPp rewrites the addresses).</summary>
    public void Save(string path)
    {
        using var file = new BinaryWriter(File.Create(path));
        file.Write(0xA1B2C3D4u);
        file.Write((ushort)2);
        file.Write((ushort)4);
        file.Write(0);
        file.Write(0u);
        file.Write(65535u);
        file.Write(1u);
        var packets = new List<(TimeSpan At, byte[] Rtp)>(_packets);
        for (var offset = 0; offset < _timeline.Length; offset += FrameSamples)
        {
            var when = TimeSpan.FromMilliseconds(offset / 8.0);
            if (_digits.Any(d => when >= d.From && when < d.To))
            {
                continue;
            }

            var payload = new byte[FrameSamples];
            G711.Encode(AudioCodec.Pcmu, _timeline.AsSpan(offset, FrameSamples), payload);
            packets.Add((when, Rtp(0, offset == 0, Timestamp(when), payload)));
        }

        var sorted = packets.OrderBy(p => p.At).ToList();
        var sequence = (ushort)1000;
        foreach (var (at, rtp) in sorted)
        {
            BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), sequence++);
            var frame = Frame(rtp);
            var microseconds = (long)(at.Ticks / 10) + 1_000_000;
            file.Write((uint)(microseconds / 1_000_000));
            file.Write((uint)(microseconds % 1_000_000));
            file.Write(frame.Length);
            file.Write(frame.Length);
            file.Write(frame);
        }
    }

    private static uint Timestamp(TimeSpan at) => 16000 + (uint)(at.TotalMilliseconds * 8);

    private static byte[] Event(int code, bool end, ushort duration)
    {
        var payload = new byte[4];
        payload[0] = (byte)code;
        payload[1] = (byte)((end ? 0x80 : 0) | 10);
        BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(2), duration);
        return payload;
    }

    private void Add(TimeSpan at, byte payloadType, bool marker, uint timestamp, byte[] payload) =>
        _packets.Add((at, Rtp(payloadType, marker, timestamp, payload)));

    private static byte[] Rtp(byte payloadType, bool marker, uint timestamp, byte[] payload)
    {
        var rtp = new byte[12 + payload.Length];
        rtp[0] = 0x80;
        rtp[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(8), 0x5A5A0001);
        payload.CopyTo(rtp, 12);
        return rtp;
    }

    private static byte[] Frame(byte[] rtp)
    {
        var frame = new byte[14 + 20 + 8 + rtp.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + rtp.Length));
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = 10;
        ip[15] = 1;
        ip[16] = 10;
        ip[19] = 2;
        uint sum = 0;
        for (var i = 0; i < 20; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }

        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], (ushort)~sum);
        var udp = frame.AsSpan(34);
        BinaryPrimitives.WriteUInt16BigEndian(udp, 10000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 20000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + rtp.Length));
        rtp.CopyTo(frame, 42);
        return frame;
    }
}
