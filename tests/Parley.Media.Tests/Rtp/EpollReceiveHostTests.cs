using System.Net;
using System.Net.Sockets;
using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class EpollReceiveHostTests
{
    private static Socket BoundSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, cts.Token);
        }
    }

    [Fact]
    public async Task Datagrams_AreDeliveredWithTheirSourceAddress()
    {
        Assert.SkipUnless(EpollReceiveHost.IsSupported, "epoll host is Linux x64 only");
        using var host = new EpollReceiveHost(Parley.Media.Scheduling.ClockThreadPriority.Normal);
        using var socket = BoundSocket();
        using var sender = BoundSocket();
        var received = new List<(byte[] Data, SocketAddress From)>();
        host.Add(socket, (data, from) =>
        {
            lock (received)
            {
                received.Add((data.ToArray(), new SocketAddress(from.Family, from.Size) { }));
                from.Buffer.Span.CopyTo(received[^1].From.Buffer.Span);
            }
        });

        sender.SendTo([1, 2, 3], socket.LocalEndPoint!);
        sender.SendTo([4], socket.LocalEndPoint!);
        await WaitUntil(() => { lock (received) { return received.Count == 2; } });

        Assert.Equal([1, 2, 3], received[0].Data);
        Assert.Equal([4], received[1].Data);
        Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Serialize(), received[0].From);
        Assert.Equal(2, host.PacketsReceived);
    }

    [Fact]
    public async Task RemovedSocket_GetsNoMoreDatagramsAndItsSlotIsReusedSafely()
    {
        Assert.SkipUnless(EpollReceiveHost.IsSupported, "epoll host is Linux x64 only");
        using var host = new EpollReceiveHost(Parley.Media.Scheduling.ClockThreadPriority.Normal);
        using var first = BoundSocket();
        using var second = BoundSocket();
        using var sender = BoundSocket();
        var firstCount = 0;
        var secondCount = 0;
        var token = host.Add(first, (_, _) => Interlocked.Increment(ref firstCount));
        sender.SendTo([1], first.LocalEndPoint!);
        await WaitUntil(() => Volatile.Read(ref firstCount) == 1);

        host.Remove(token);
        host.Remove(token);
        var secondToken = host.Add(second, (_, _) => Interlocked.Increment(ref secondCount));
        sender.SendTo([2], first.LocalEndPoint!);
        sender.SendTo([3], second.LocalEndPoint!);
        await WaitUntil(() => Volatile.Read(ref secondCount) == 1);

        Assert.NotEqual(token, secondToken);
        Assert.Equal((uint)token, (uint)secondToken);
        Assert.Equal(1, Volatile.Read(ref firstCount));
    }
}
