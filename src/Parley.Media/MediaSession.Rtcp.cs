using System.Net;
using Parley.Media.Rtcp;

namespace Parley.Media;

public sealed partial class MediaSession
{
    private readonly byte[] _rtcpPacket = new byte[256];
    private readonly int _rtcpIntervalFrames;
    private RtcpReportBlock? _remoteReport;
    private long _rtcpReports;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private long _packetsAtLastReport;

    private void MaybeSendRtcp(long frameIndex)
    {
        if (_rtcpIntervalFrames == 0 || frameIndex == 0 || frameIndex % _rtcpIntervalFrames != 0 || _remoteRtcp is not { } remote)
        {
            return;
        }

        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        var blockCount = 0;
        if (_stats.HasSource)
        {
            var dlsr = _lastSenderReport == 0 ? 0u : (uint)(_time.GetElapsedTime(_lastSenderReportArrival).TotalSeconds * 65536);
            blocks[0] = _stats.CreateReportBlock(_lastSenderReport, dlsr);
            blockCount = 1;
        }

        int length;
        if (_sender.PacketsSent > _packetsAtLastReport)
        {
            var info = new RtcpSenderInfo(
                NtpTimestamp.FromDateTimeOffset(_time.GetUtcNow()),
                _sender.LastTimestamp,
                (uint)_sender.PacketsSent,
                (uint)_sender.OctetsSent);
            length = RtcpPacket.WriteSenderReport(_rtcpPacket, _sender.Ssrc, info, blocks[..blockCount]);
        }
        else
        {
            length = RtcpPacket.WriteReceiverReport(_rtcpPacket, _sender.Ssrc, blocks[..blockCount]);
        }

        _packetsAtLastReport = _sender.PacketsSent;
        length += RtcpPacket.WriteSourceDescription(_rtcpPacket.AsSpan(length), _sender.Ssrc, _engine.Options.RtcpCname);
        _endpoint.SendRtcp(_rtcpPacket.AsSpan(0, length), remote);
    }

    private void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        var compound = datagram;
        while (RtcpPacket.TryReadNext(ref compound, out var type, out _, out var packet))
        {
            if (type is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport) || !RtcpPacket.TryParseReport(packet, out var report))
            {
                continue;
            }

            Interlocked.Increment(ref _rtcpReports);
            if (report.Type == RtcpPacketType.SenderReport)
            {
                _lastSenderReport = NtpTimestamp.Middle32(report.SenderInfo.NtpTimestamp);
                _lastSenderReportArrival = _time.GetTimestamp();
            }

            for (var i = 0; i < report.BlockCount; i++)
            {
                var block = report.GetBlock(i);
                if (block.Ssrc == _sender.Ssrc)
                {
                    _remoteReport = block;
                }
            }
        }

        _ = source;
    }
}
