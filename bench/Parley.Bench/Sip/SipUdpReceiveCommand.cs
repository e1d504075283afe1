using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Sip.Parsing;
using Parley.Sip.Transport;

namespace Parley.Bench.Sip;

/// <summary>
/// The UDP receive path without parsing: CRLF keep-alives from one source into a transport bound to 127.0.0.1
/// (<c>recvfrom</c>) and into one bound to 0.0.0.0 and sent to 127.0.0.2 (<c>recvmsg</c> + <c>IP_PKTINFO</c>).
/// Prints bytes allocated per datagram (process-wide) and datagrams per second for each.
/// </summary>
internal sealed class SipUdpReceiveCommand : IBenchCommand
{
    public string Name => "sip-udp-receive";

    public string Description => "UDP receive path: allocations and rate, specific bind vs wildcard with IP_PKTINFO [datagrams]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        foreach (var (bind, target) in new[] { ("127.0.0.1", "127.0.0.1"), ("0.0.0.0", "127.0.0.2") })
        {
            var (perDatagram, rate, local) = await MeasureAsync(IPAddress.Parse(bind), IPAddress.Parse(target), count, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sip-udp-receive bind {bind} to {target}: {perDatagram:F2} B allocated/datagram, {rate:F0} datagrams/s, flow local address {local}"));
        }

        return 0;
    }

    private static async Task<(double PerDatagram, double Rate, IPEndPoint? Local)> MeasureAsync(IPAddress bind, IPAddress target, int count, CancellationToken cancellationToken)
    {
        var sink = new CountingSipSink();
        await using var transport = new UdpSipTransport(new IPEndPoint(bind, 0), new SipParser(), NullLogger.Instance, receiveThreads: 1);
        transport.Start(sink);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var to = new IPEndPoint(target, transport.LocalEndPoint.Port).Serialize();
        var ping = "\r\n\r\n"u8.ToArray();
        Send(sender, ping, to, sink, 1_000); // warm-up: the flow of this source exists
        await WaitForAsync(sink, 1_000, cancellationToken);

        var start = sink.Count;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        Send(sender, ping, to, sink, count);
        await WaitForAsync(sink, start + count, cancellationToken);
        clock.Stop();
        var received = sink.Count - start;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (allocated / (double)received, received / clock.Elapsed.TotalSeconds, sink.LastLocal);
    }

    /// <summary>Sends without running more than 1,000 datagrams ahead of the receiver, so the socket buffer never drops.</summary>
    private static void Send(Socket sender, byte[] ping, SocketAddress to, CountingSipSink sink, int count)
    {
        var start = sink.Count;
        for (var i = 0; i < count; i++)
        {
            while (i - (sink.Count - start) > 1_000)
            {
                Thread.SpinWait(20);
            }

            sender.SendTo(ping, SocketFlags.None, to);
        }
    }

    /// <summary>Waits for the receiver, at most 10 s (UDP may drop).</summary>
    private static async Task WaitForAsync(CountingSipSink sink, int count, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (sink.Count < count && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(1, cancellationToken);
        }
    }
}
