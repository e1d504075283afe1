using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Stack;

public sealed class SipStackLoopbackTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"u8.ToArray();

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task InviteAsync_ToEchoUser_AnswersThenInfoAndByeFlowBothWays(string transport)
    {
        var uasApp = new EchoApplication();
        var uacApp = new EchoApplication();
        await using var uas = StartStack(uasApp);
        await using var uac = StartStack(uacApp);
        var port = uas.Listeners[0].EndPoint.Port;
        var provisional = new List<int>();

        var result = await uac.InviteAsync($"sip:echo@127.0.0.1:{port};transport={transport}", Sdp, new SipInviteOptions { OnProvisional = provisional.Add }, TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var uasDialog = await uasApp.Answered.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var info = await result.Dialog!.InfoAsync("Signal=#\r\nDuration=160\r\n"u8.ToArray(), "application/dtmf-relay", TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var infoSeen = await uasApp.Info.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var bye = await uasDialog.ByeAsync(TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var ended = await uacApp.Ended.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(Sdp, result.Dialog.RemoteSdp.ToArray());
        Assert.Contains(180, provisional);
        Assert.Equal(200, info.StatusCode);
        Assert.Equal(SipMethods.Info, infoSeen.Method);
        Assert.Equal(200, bye.StatusCode);
        Assert.Equal(result.Dialog.CallId, ended.CallId);
        Assert.Equal(0, uas.DialogCount);
        Assert.Equal(0, uac.DialogCount);
    }

    [Fact]
    public async Task InviteAsync_ToBusyUser_ReturnsTheRejection()
    {
        await using var uas = StartStack(new EchoApplication());
        await using var uac = StartStack(new EchoApplication());

        var result = await uac.InviteAsync($"sip:busy@127.0.0.1:{uas.Listeners[0].EndPoint.Port}", Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(486, result.StatusCode);
        Assert.False(result.Answered);
    }

    [Fact]
    public async Task InviteAsync_CancelledWhileRinging_SendsCancelAndTheCalleeSeesIt()
    {
        var callee = new HoldingApplication();
        await using var uas = StartStack(callee);
        await using var uac = StartStack(new EchoApplication());
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var calling = uac.InviteAsync($"sip:agent@127.0.0.1:{uas.Listeners[0].EndPoint.Port}", Sdp, cancellationToken: cts.Token);
        var ringing = await callee.FirstCall.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ringing.Cancelled += _ => cancelled.TrySetResult();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => calling.WaitAsync(Timeout, TestContext.Current.CancellationToken));
        await cancelled.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.True(ringing.IsCancelled);
    }

    [Fact]
    public async Task InviteAsync_OverTls_Answers()
    {
        using var certificate = TestCertificates.SelfSigned("127.0.0.1", IPAddress.Loopback);
        await using var uas = StartStack(new EchoApplication(), certificate);
        await using var uac = StartStack(new EchoApplication(), certificate, trustedRoot: TestCertificates.PublicPart(certificate));
        var tlsPort = uas.Listeners.Single(l => l.Transport == "TLS").EndPoint.Port;

        var result = await uac.InviteAsync($"sip:echo@127.0.0.1:{tlsPort};transport=tls", Sdp, cancellationToken: TestContext.Current.CancellationToken).WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("TLS", result.Dialog!.Flow.Transport);
    }

    [Fact]
    public async Task Options_OverUdp_IsAnsweredWithAllowAndReceivedRport()
    {
        await using var stack = StartStack(new EchoApplication());
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = Options("opt-1", "192.0.2.99", (ushort)((IPEndPoint)client.Client.LocalEndPoint!).Port);

        await client.SendAsync(request, stack.Listeners[0].EndPoint, TestContext.Current.CancellationToken);
        var reply = await client.ReceiveAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var response = (SipResponse)new SipParser().ParseDatagram(reply.Buffer);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Headers.GetValue(SipHeaderKind.Allow), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", response.TopVia!.Received);
        Assert.Equal(((IPEndPoint)client.Client.LocalEndPoint!).Port, response.TopVia.Rport);
    }

    [Fact]
    public async Task Tcp_MessageWrittenOneByteAtATime_IsFramedAndAnswered()
    {
        await using var stack = StartStack(new EchoApplication());
        using var client = new TcpClient();
        await client.ConnectAsync(stack.Listeners.Single(l => l.Transport == "TCP").EndPoint, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        byte[] request = [.. "\r\n\r\n"u8, .. Options("opt-tcp", "127.0.0.1", 5099, "TCP")];

        foreach (var b in request)
        {
            await stream.WriteAsync(new[] { b }, TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
        }

        var response = await ReadResponseAsync(stream).WaitAsync(Timeout, TestContext.Current.CancellationToken);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("opt-tcp", response.CallId);
    }

    [Fact]
    public async Task Udp_ScannerUserAgent_IsDroppedSilently()
    {
        await using var stack = StartStack(new EchoApplication());
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = (ushort)((IPEndPoint)client.Client.LocalEndPoint!).Port;
        var scanner = Encoding.ASCII.GetString(Options("scan-1", "127.0.0.1", port)).Replace("Max-Forwards", "User-Agent: friendly-scanner\r\nMax-Forwards", StringComparison.Ordinal);

        await client.SendAsync(Encoding.ASCII.GetBytes(scanner), stack.Listeners[0].EndPoint, TestContext.Current.CancellationToken);
        await client.SendAsync(Options("after-scan", "127.0.0.1", port), stack.Listeners[0].EndPoint, TestContext.Current.CancellationToken);
        var reply = await client.ReceiveAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken);

        Assert.Equal("after-scan", new SipParser().ParseDatagram(reply.Buffer).CallId);
    }

    [Fact]
    public async Task Udp_MalformedRequest_GetsStateless400()
    {
        await using var stack = StartStack(new EchoApplication());
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bad = Encoding.ASCII.GetString(Options("bad-1", "127.0.0.1", 5099)).Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", StringComparison.Ordinal);

        await client.SendAsync(Encoding.ASCII.GetBytes(bad), stack.Listeners[0].EndPoint, TestContext.Current.CancellationToken);
        var reply = await client.ReceiveAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.Current.CancellationToken);
        var response = (SipResponse)new SipParser().ParseDatagram(reply.Buffer);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("bad-1", response.CallId);
    }

    private static SipStack StartStack(SipApplication app, X509Certificate2? certificate = null, X509Certificate2? trustedRoot = null)
    {
        var options = new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, TlsPort = 0, TlsCertificate = certificate };
        if (trustedRoot is not null)
        {
            options.TlsTrustedRoots.Add(trustedRoot);
        }

        var stack = new SipStack(options, app);
        stack.Start();
        return stack;
    }

    private static byte[] Options(string callId, string viaHost, ushort viaPort, string transport = "UDP") => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:parley@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} {viaHost}:{viaPort};branch=z9hG4bK{callId};rport\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:probe@example.com>;tag=p1\r\nTo: <sip:parley@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    private static async Task<SipResponse> ReadResponseAsync(NetworkStream stream)
    {
        var parser = new SipParser();
        var buffer = new byte[8192];
        var filled = 0;
        while (true)
        {
            filled += await stream.ReadAsync(buffer.AsMemory(filled));
            if (parser.TryParse(buffer.AsSpan(0, filled), true, out var message, out _) && message is SipResponse r && r.StatusCode >= 200)
            {
                return r;
            }
        }
    }
}
