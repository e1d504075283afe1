using System.Net;
using System.Net.Sockets;

namespace Parley.Interop.Tests.Support;

/// <summary>Free loopback ports for peers that need a number on their command line.</summary>
internal static class FreePort
{
    /// <summary>A UDP port free now, and its neighbour (RTP + RTCP), on loopback.</summary>
    public static int Udp(bool evenPair = false)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            if (!evenPair || (port % 2 == 0 && port < 65534 && IsFree(port + 1)))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free UDP port pair on loopback.");
    }

    /// <summary>
    /// A port for a SIP peer that listens on every transport whatever its configuration says (baresip 1.0 binds UDP
    /// and TCP on the port and TLS on the next one): free now for UDP and TCP, and the next one for TCP.
    /// </summary>
    public static int SipListener()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Udp();
            if (port < 65535 && IsFree(port, ProtocolType.Tcp) && IsFree(port + 1, ProtocolType.Tcp))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free SIP listener port on loopback.");
    }

    private static bool IsFree(int port, ProtocolType protocol = ProtocolType.Udp)
    {
        try
        {
            var type = protocol == ProtocolType.Tcp ? SocketType.Stream : SocketType.Dgram;
            using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
