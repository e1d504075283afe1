using System.Net;
using System.Net.Sockets;
using Parley.Media.Rtp;
using Parley.Media.Scheduling;

namespace Parley.Bench.Media;

/// <summary>One far-end caller of the load driver: sends a 20 ms PCMU packet per tick to its session's port.</summary>
internal sealed class LoadGeneratorStream : IPacedStream
{
    private readonly Socket _socket;
    private readonly SocketAddress _target;
    private readonly RtpSender _sender;
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _payload = new byte[160];

    public LoadGeneratorStream(Socket socket, int targetPort, uint ssrc)
    {
        _socket = socket;
        _target = new IPEndPoint(IPAddress.Loopback, targetPort).Serialize();
        _sender = new RtpSender(ssrc, 0, 0);
        _payload.AsSpan().Fill(0x55);
    }

    public long Sent { get; private set; }

    public long SendErrors { get; private set; }

    public bool Enabled { get; set; } = true;

    public void OnFrame(in MediaTick tick)
    {
        if (!Enabled)
        {
            return;
        }

        var length = _sender.WriteNext(_packet, 0, _payload, 160);
        try
        {
            _socket.SendTo(_packet.AsSpan(0, length), SocketFlags.None, _target);
            Sent++;
        }
        catch (SocketException)
        {
            SendErrors++;
        }
    }
}
