using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transport;

namespace Parley.Sip.Tests.Stack;

/// <summary>Several receive threads (UDP) or connections deliver at once: calls stay whole, one call's messages never interleave.</summary>
public sealed class SipStackConcurrencyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sink_RequestsOfOneDialogFromManyThreads_AreHandledOneAtATime()
    {
        var app = new OverlapProbeApplication();
        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0 }, app);
        var sink = (ISipMessageSink)stack;
        var flow = new FakeFlow();
        sink.OnMessage(TestMessages.Request("INVITE"), flow);
        var toTag = flow.Responses.Single(r => r.StatusCode == 200).To.Tag;

        await Parallel.ForAsync(2, 202, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, (cseq, _) =>
        {
            sink.OnMessage(TestMessages.Request("INFO", branch: "z9hG4bKinfo" + cseq, cseq: cseq, toTag: toTag), flow);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(1, app.MaxOverlapWithinOneCall);
        Assert.Equal(200, app.InfoCSeqs.Distinct().Count());
    }

    [Fact]
    public async Task Sink_SameInviteFromManyThreads_MakesOneTransactionAndOneCall()
    {
        var app = new OverlapProbeApplication();
        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0 }, app);
        var sink = (ISipMessageSink)stack;
        var flow = new FakeFlow();

        await Parallel.ForAsync(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, (_, _) =>
        {
            sink.OnMessage(TestMessages.Request("INVITE"), flow);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(1, app.Invites);
        Assert.Equal(1, stack.Transactions.ServerTransactionCount);
        Assert.Single(flow.Responses, r => r.StatusCode == 100);
        Assert.Single(flow.Responses, r => r.StatusCode == 200);
    }

    [Fact]
    public async Task Udp_ManyCallsFromSeveralSendersWithFourReceiveThreads_EveryCallIsAnsweredAndEnded()
    {
        const int Senders = 4;
        const int CallsPerSender = 50;
        var app = new OverlapProbeApplication();
        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, EnableTcp = false, UdpReceiveThreads = 4 }, app);
        stack.Start();
        var server = stack.Listeners.Single(l => l.Transport == "UDP").EndPoint;

        var finals = await Task.WhenAll(Enumerable.Range(0, Senders).Select(s => RunCallsAsync(server, s, CallsPerSender))).WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.All(finals, f => Assert.Equal(2 * CallsPerSender, f));
        // The BYE's 200 leaves before the application hears that the dialog ended: wait (bounded) for the last one to.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((app.Ended < Senders * CallsPerSender || stack.DialogCount > 0) && waited.Elapsed < Timeout)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(Senders * CallsPerSender, app.Invites);
        Assert.Equal(Senders * CallsPerSender, app.Ended);
        Assert.Equal(0, stack.DialogCount);
        Assert.Equal(1, app.MaxOverlapWithinOneCall);
    }

    [Fact]
    public async Task Udp_BurstOfInfosInOneDialogOverFourReceiveThreads_IsHandledInTheOrderSent()
    {
        var app = new OverlapProbeApplication();
        await using var stack = new SipStack(new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, EnableTcp = false, UdpReceiveThreads = 4 }, app);
        stack.Start();
        var server = stack.Listeners.Single(l => l.Transport == "UDP").EndPoint;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var parser = new SipParser();
        var buffer = new byte[65_536];
        const string CallId = "ordered@concurrency.test";
        await socket.SendToAsync(Request("INVITE", CallId, 1, port, null), server);
        var toTag = (await ReceiveFinalAsync(socket, parser, buffer, "INVITE").WaitAsync(Timeout, TestContext.Current.CancellationToken)).To.Tag;
        await socket.SendToAsync(Request("ACK", CallId, 1, port, toTag), server);

        for (var cseq = 2; cseq <= 101; cseq++)
        {
            await socket.SendToAsync(Request("INFO", CallId, cseq, port, toTag), server);
        }

        for (var i = 0; i < 100; i++)
        {
            await ReceiveFinalAsync(socket, parser, buffer, "INFO").WaitAsync(Timeout, TestContext.Current.CancellationToken);
        }

        Assert.Equal(Enumerable.Range(2, 100).Select(n => (long)n), app.InfoCSeqs);
    }

    /// <summary>INVITE, 200, ACK, BYE, 200 for each call, one call after another; returns the number of finals received.</summary>
    private static async Task<int> RunCallsAsync(IPEndPoint server, int sender, int calls)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var parser = new SipParser();
        var buffer = new byte[65_536];
        var finals = 0;
        for (var i = 0; i < calls; i++)
        {
            var callId = $"c{sender}-{i}@concurrency.test";
            await socket.SendToAsync(Request("INVITE", callId, 1, port, null), server);
            var ok = await ReceiveFinalAsync(socket, parser, buffer, "INVITE");
            finals++;
            var toTag = ok.To.Tag;
            await socket.SendToAsync(Request("ACK", callId, 1, port, toTag), server);
            await socket.SendToAsync(Request("BYE", callId, 2, port, toTag), server);
            await ReceiveFinalAsync(socket, parser, buffer, "BYE");
            finals++;
        }

        return finals;
    }

    private static async Task<SipResponse> ReceiveFinalAsync(Socket socket, SipParser parser, byte[] buffer, string method)
    {
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer);
            if (parser.ParseDatagram(buffer.AsSpan(0, n)) is SipResponse { StatusCode: >= 200 } r && r.CSeq.Method == method)
            {
                Assert.Equal(200, r.StatusCode);
                return r;
            }
        }
    }

    private static byte[] Request(string method, string callId, long cseq, int port, string? toTag) => Encoding.ASCII.GetBytes(
        $"{method} sip:echo@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{method}{cseq}{callId.GetHashCode(StringComparison.Ordinal):x8}\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:probe@example.com>;tag=f{port}\r\nTo: <sip:echo@127.0.0.1>{(toTag is null ? string.Empty : ";tag=" + toTag)}\r\n" +
        $"Call-ID: {callId}\r\nCSeq: {cseq} {method}\r\nContact: <sip:probe@127.0.0.1:{port}>\r\nContent-Length: 0\r\n\r\n");
}
