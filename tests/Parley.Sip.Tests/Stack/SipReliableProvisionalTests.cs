using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;
using Parley.Sip.Transactions;

namespace Parley.Sip.Tests.Stack;

/// <summary>RFC 3262 (100rel, PRACK) on loopback: a raw UDP caller against the UAS, and two stacks end to end.</summary>
public sealed class SipReliableProvisionalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(150);
    private static readonly byte[] Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"u8.ToArray();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallerRequiring100rel_GetsRingingWithRSeq_RetransmittedUntilTheMatchingPrack()
    {
        var time = new FakeTimeProvider();
        var callee = new HoldingApplication();
        await using var uas = Start(callee, time);
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var uasEndPoint = uas.Listeners[0].EndPoint;
        await caller.SendAsync(Invite(caller, "100rel"), uasEndPoint, Ct);

        var ringing = await ReceiveAsync(caller, 180);
        var rseq = long.Parse(ringing.Headers.GetValue(SipHeaderKind.RSeq)!, CultureInfo.InvariantCulture);
        Assert.Contains("100rel", ringing.Require);
        time.Advance(T1);
        var again = await ReceiveAsync(caller, 180); // no PRACK yet: T1 later the same 180 comes again
        Assert.Equal(rseq.ToString(CultureInfo.InvariantCulture), again.Headers.GetValue(SipHeaderKind.RSeq));

        await caller.SendAsync(Prack(caller, ringing, rseq + 7), uasEndPoint, Ct);
        var wrong = await ReceiveAsync(caller, 481);
        await caller.SendAsync(Prack(caller, ringing, rseq), uasEndPoint, Ct);
        var ok = await ReceiveAsync(caller, 200);

        Assert.Equal(SipMethods.Prack, wrong.CSeq.Method);
        Assert.Equal(SipMethods.Prack, ok.CSeq.Method);

        // Well past every retransmission the 180 would have had: a 180 re-sent then leaves inside Advance, before the
        // OPTIONS is even sent, so it would arrive ahead of the OPTIONS' 200.
        time.Advance(T1 * 64);
        await caller.SendAsync(Options(caller), uasEndPoint, Ct);
        var next = new SipParser().ParseDatagram((await caller.ReceiveAsync(Ct).AsTask().WaitAsync(Timeout, Ct)).Buffer);
        Assert.Equal((SipMethods.Options, 200), (next.CSeq.Method, ((SipResponse)next).StatusCode));
        (await callee.FirstCall.Task.WaitAsync(Timeout, Ct)).Reject(486);
    }

    [Fact]
    public async Task CallerNotRequiring100rel_GetsAnOrdinaryRinging()
    {
        await using var uas = Start(new HoldingApplication());
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await caller.SendAsync(Invite(caller, null), uas.Listeners[0].EndPoint, Ct);
        var ringing = await ReceiveAsync(caller, 180);

        Assert.Null(ringing.Headers.GetValue(SipHeaderKind.RSeq));
        Assert.DoesNotContain("100rel", ringing.Require);
    }

    [Fact]
    public async Task ParleyCallingAUasThatRings_Reliably_PracksAndTheDialogCSeqGoesAboveThePrack()
    {
        var callee = new HoldingApplication();
        await using var uas = Start(callee);
        await using var uac = Start(new EchoApplication());
        var options = new SipInviteOptions();
        options.Headers.Add(new("Require", "100rel"));
        var provisional = new List<int>();
        options.OnProvisional = provisional.Add;

        var calling = uac.InviteAsync($"sip:agent@127.0.0.1:{uas.Listeners[0].EndPoint.Port}", Sdp, options, Ct);
        var ringing = await callee.FirstCall.Task.WaitAsync(Timeout, Ct);
        Assert.True(ringing.RequiresReliableProvisional);
        var acknowledged = await WaitForAsync(() => !ringing.AwaitingPrack);
        var dialog = ringing.Answer(Sdp);
        var call = await calling.WaitAsync(Timeout, Ct);
        var bye = await call.Dialog!.ByeAsync(Ct).WaitAsync(Timeout, Ct);

        Assert.True(acknowledged, "the UAS never saw the PRACK");
        Assert.Contains(180, provisional);
        Assert.Equal(200, call.StatusCode);
        Assert.Equal(200, bye.StatusCode);
        Assert.Equal(3, bye.CSeq.Number); // INVITE 1, PRACK 2, BYE 3
        Assert.Equal(call.Dialog.CallId, dialog.CallId);
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(Timeout);
        try
        {
            while (!condition())
            {
                await Task.Delay(10, cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static byte[] Invite(UdpClient caller, string? require)
    {
        var port = ((IPEndPoint)caller.Client.LocalEndPoint!).Port;
        var requireLine = require is null ? string.Empty : $"Require: {require}\r\nSupported: {require}\r\n";
        return Encoding.ASCII.GetBytes(
            $"INVITE sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-rel-{port}\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:caller@127.0.0.1>;tag=caller1\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: rel-{port}@test\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:caller@127.0.0.1:{port}>\r\n{requireLine}Content-Length: 0\r\n\r\n");
    }

    private static byte[] Prack(UdpClient caller, SipResponse ringing, long rseq)
    {
        var port = ((IPEndPoint)caller.Client.LocalEndPoint!).Port;
        return Encoding.ASCII.GetBytes(
            $"PRACK sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-prack-{rseq}\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:caller@127.0.0.1>;tag=caller1\r\nTo: {ringing.Headers.GetValue(SipHeaderKind.To)}\r\nCall-ID: {ringing.CallId}\r\nCSeq: {rseq} PRACK\r\n" +
            $"RAck: {rseq} 1 INVITE\r\nContent-Length: 0\r\n\r\n");
    }

    private static async Task<SipResponse> ReceiveAsync(UdpClient client, int status)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(Timeout);
        while (true)
        {
            var datagram = await client.ReceiveAsync(cts.Token);
            if (new SipParser().ParseDatagram(datagram.Buffer) is SipResponse response && response.StatusCode == status)
            {
                return response;
            }
        }
    }

    /// <summary>An out-of-dialog OPTIONS: the marker whose 200 must come after anything the UAS sent before it.</summary>
    private static byte[] Options(UdpClient caller)
    {
        var port = ((IPEndPoint)caller.Client.LocalEndPoint!).Port;
        return Encoding.ASCII.GetBytes(
            $"OPTIONS sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK-marker-{port}\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:caller@127.0.0.1>;tag=marker1\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: marker-{port}@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
    }

    private static SipStack Start(SipApplication application, TimeProvider? time = null)
    {
        var options = new SipStackOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            EnableTcp = false,
            Timers = new SipTimerOptions { T1 = T1 },
        };
        var stack = new SipStack(options, application, timeProvider: time);
        stack.Start();
        return stack;
    }
}
