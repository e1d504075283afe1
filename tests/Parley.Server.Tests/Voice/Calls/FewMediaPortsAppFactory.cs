using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>The demo server on the real clock with an RTP range of two port pairs (found free on loopback at start): the third call finds none.</summary>
public sealed class FewMediaPortsAppFactory : VoiceCallAppFactory
{
    public const int PortPairs = 2;
    private readonly int _rtpMin = FindFreeRange(PortPairs * 2);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:Media:RtpPortMin", _rtpMin.ToString(CultureInfo.InvariantCulture)),
        new("Parley:Media:RtpPortMax", (_rtpMin + (PortPairs * 2) - 1).ToString(CultureInfo.InvariantCulture)),
        new("Parley:Calls:PortsFullRetryAfter", "00:00:07"),
    ];

    /// <summary>An even port from which <paramref name="count"/> UDP ports are free on 127.0.0.1 now (above the usual media ranges).</summary>
    private static int FindFreeRange(int count)
    {
        for (var start = 40000 + (Random.Shared.Next(0, 2000) * 2); start < 50000; start += count)
        {
            var sockets = new List<Socket>();
            try
            {
                for (var port = start; port < start + count; port++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    sockets.Add(socket);
                    socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                }

                return start;
            }
            catch (SocketException)
            {
                // Taken: try the next range.
            }
            finally
            {
                sockets.ForEach(s => s.Dispose());
            }
        }

        throw new InvalidOperationException("No free UDP port range on loopback.");
    }
}
