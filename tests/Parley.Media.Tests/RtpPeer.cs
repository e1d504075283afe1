using System.Net;
using System.Net.Sockets;
using Parley.Media.Rtp;

namespace Parley.Media.Tests;

/// <summary>A fake far end on loopback: a plain UDP socket that sends and receives RTP.</summary>
internal sealed class RtpPeer : IDisposable
{
    private readonly RtpSender _sender = new(0xA1B2C3D4, 100, 8000);

    public RtpPeer()
    {
        Socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public Socket Socket { get; }

    public int Port => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    public RtpSender Sender => _sender;

    public void SendAudio(int localPort, byte payloadType, byte fill, bool skipSequence = false)
    {
        var packet = new byte[172];
        var payload = new byte[160];
        payload.AsSpan().Fill(fill);
        if (skipSequence)
        {
            _sender.WriteNext(packet, payloadType, payload, 160);
        }

        var length = _sender.WriteNext(packet, payloadType, payload, 160);
        Socket.SendTo(packet.AsSpan(0, length), new IPEndPoint(IPAddress.Loopback, localPort));
    }

    public void SendRaw(int localPort, ReadOnlySpan<byte> datagram) =>
        Socket.SendTo(datagram, new IPEndPoint(IPAddress.Loopback, localPort));

    public async Task<byte[]> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var buffer = new byte[2048];
        var result = await Socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        return buffer[..result.ReceivedBytes];
    }

    public void Dispose() => Socket.Dispose();
}
