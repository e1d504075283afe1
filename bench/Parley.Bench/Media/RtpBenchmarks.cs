using BenchmarkDotNet.Attributes;
using Parley.Media.Rtp;

namespace Parley.Bench.Media;

/// <summary>RTP header parse and packet write (12-byte header + 160-byte G.711 payload), per packet.</summary>
[MemoryDiagnoser]
public class RtpBenchmarks
{
    private const int Packets = 100;
    private readonly byte[][] _packets = new byte[Packets][];
    private readonly byte[] _buffer = new byte[172];
    private readonly byte[] _payload = new byte[160];
    private readonly RtpSender _sender = new(1, 1, 1);
    private readonly RtpReceiveStatistics _stats = new();
    private long _arrival;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Packets; i++)
        {
            _packets[i] = new byte[172];
            _sender.WriteNext(_packets[i], 0, _payload, 160, marker: i == 0);
        }
    }

    [Benchmark(OperationsPerInvoke = Packets)]
    public long Parse()
    {
        long sum = 0;
        foreach (var packet in _packets)
        {
            if (RtpPacket.TryParse(packet, out var header))
            {
                sum += header.SequenceNumber + header.Timestamp + header.PayloadLength;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Packets)]
    public int Write()
    {
        var total = 0;
        for (var i = 0; i < Packets; i++)
        {
            total += _sender.WriteNext(_buffer, 0, _payload, 160);
        }

        return total;
    }

    /// <summary>What the receive path does per packet before the payload is used: parse plus RFC 3550 statistics.</summary>
    [Benchmark(OperationsPerInvoke = Packets)]
    public int ParseAndAccount()
    {
        var accepted = 0;
        foreach (var packet in _packets)
        {
            RtpPacket.TryParse(packet, out var header);
            _arrival += 160;
            accepted += _stats.Update(header.Ssrc, header.SequenceNumber, header.Timestamp, _arrival) ? 1 : 0;
        }

        return accepted;
    }
}
