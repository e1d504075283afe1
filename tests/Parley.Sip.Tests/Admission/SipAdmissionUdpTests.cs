using System.Net;
using System.Net.Sockets;
using System.Text;
using Parley.Sip.Admission;
using Parley.Sip.Messages;
using Parley.Sip.Parsing;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Admission;

/// <summary>Admission control over real UDP on loopback: a raw socket plays the caller.</summary>
public sealed class SipAdmissionUdpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SecondCallOverUdp_BeyondTheNodeLimit_Gets503RetryAfter_WhileTheFirstCallsCancelIsAnswered()
    {
        var app = new HoldingApplication();
        var options = new SipStackOptions { BindAddress = IPAddress.Loopback, Port = 0, EnableTcp = false };
        options.Admission.Node = new SipAdmissionLimit { CallsPerSecond = 0.001, MaxConcurrentCalls = 1 }; // one call, then none for ~17 min
        options.Admission.RetryAfter = TimeSpan.FromSeconds(5);
        await using var stack = new SipStack(options, app);
        stack.Start();
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = stack.Listeners[0].EndPoint;
        var ct = TestContext.Current.CancellationToken;

        await Send(caller, server, Invite(caller, "first"), ct);
        await Receive(caller, r => r.CallId == "first@udp" && r.StatusCode == 180, ct);
        await Send(caller, server, Invite(caller, "second"), ct);
        var refused = await Receive(caller, r => r.CallId == "second@udp", ct);
        await Send(caller, server, Invite(caller, "first", method: "CANCEL"), ct);
        var cancelled = await Receive(caller, r => r.CallId == "first@udp" && r.CSeq.Method == SipMethods.Cancel, ct);

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValue(SipHeaderKind.RetryAfter));
        Assert.Equal(200, cancelled.StatusCode);
        Assert.Single(app.Calls);
    }

    private static string Invite(UdpClient caller, string call, string method = "INVITE")
    {
        var port = ((IPEndPoint)caller.Client.LocalEndPoint!).Port;
        return $"{method} sip:support@127.0.0.1 SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bK{call};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:caller@127.0.0.1>;tag={call}\r\n"
            + "To: <sip:support@127.0.0.1>\r\n"
            + $"Call-ID: {call}@udp\r\n"
            + $"CSeq: 1 {method}\r\n"
            + $"Contact: <sip:caller@127.0.0.1:{port}>\r\n"
            + "Content-Length: 0\r\n\r\n";
    }

    private static async Task Send(UdpClient caller, IPEndPoint server, string text, CancellationToken ct) =>
        await caller.SendAsync(Encoding.ASCII.GetBytes(text), server, ct);

    private static async Task<SipResponse> Receive(UdpClient caller, Func<SipResponse, bool> wanted, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var parser = new SipParser();
        while (true)
        {
            var datagram = await caller.ReceiveAsync(timeout.Token);
            if (parser.ParseDatagram(datagram.Buffer) is SipResponse response && wanted(response))
            {
                return response;
            }
        }
    }
}
