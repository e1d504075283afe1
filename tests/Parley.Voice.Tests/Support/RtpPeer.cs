using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Parley.Media.Dtmf;
using Parley.Media.Rtp;

namespace Parley.Voice.Tests.Support;

/// <summary>A bare RTP socket on loopback playing the caller's phone.</summary>
internal sealed class RtpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly uint _ssrc = 0x1234_5678;
    private ushort _sequence = 1;
    private uint _timestamp = 160;

    public RtpPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public IPEndPoint? Remote { get; set; }

    /// <summary>Sends one 20 ms PCMU frame filled with <paramref name="sample"/>.</summary>
    public void SendAudio(byte sample)
    {
        Span<byte> packet = stackalloc byte[12 + 160];
        packet[12..].Fill(sample);
        RtpPacket.WriteHeader(packet, false, 0, _sequence++, _timestamp, _ssrc);
        _timestamp += 160;
        _socket.SendTo(packet, Remote!);
    }

    /// <summary>Sends the three end packets of an RFC 4733 event on payload type 101.</summary>
    public void SendDigitEnd(byte eventCode)
    {
        Span<byte> packet = stackalloc byte[16];
        for (var i = 0; i < 3; i++)
        {
            RtpPacket.WriteHeader(packet, i == 0, 101, _sequence++, _timestamp, _ssrc);
            new TelephoneEvent(eventCode, true, 10, 800).Write(packet[12..]);
            _socket.SendTo(packet, Remote!);
        }

        _timestamp += 800;
    }

    /// <summary>Receives one RTP packet; returns its payload type and first payload byte.</summary>
    public async Task<(int PayloadType, byte FirstByte)> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var received = await _socket.ReceiveAsync(buffer, cancellationToken);
        _ = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
        return (buffer[1] & 0x7F, received > 12 ? buffer[12] : (byte)0);
    }

    public void Dispose() => _socket.Dispose();
}
