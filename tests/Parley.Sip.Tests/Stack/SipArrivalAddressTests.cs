using System.Net;
using System.Net.Sockets;
using Parley.Sip.Messages;
using Parley.Sip.Stack;
using Parley.Sip.Tests.Support;

namespace Parley.Sip.Tests.Stack;

/// <summary>
/// A listener bound to 0.0.0.0 tells each call which local address the caller reached it on, so the SDP answer and
/// the Contact name an address the caller can reach. 127.0.0.2 is a second local address (Linux routes all of
/// 127.0.0.0/8 to loopback); the caller sends from 127.0.0.1.
/// </summary>
public sealed class SipArrivalAddressTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"u8.ToArray();
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("0.0.0.0", "")]
    [InlineData("0.0.0.0", ";transport=tcp")]
    [InlineData("::", "")] // dual-mode: IPv4 datagrams on an IPv6 socket
    public async Task InviteToASecondLocalAddress_OnAWildcardListener_ArrivesOnThatAddress_AndTheContactNamesIt(string bind, string transport)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "127.0.0.2 is a local address without setup on Linux only");
        Assert.SkipWhen(bind == "::" && !Socket.OSSupportsIPv6, "no IPv6");
        var callee = new EchoApplication();
        await using var uas = Start(callee, IPAddress.Parse(bind));
        await using var uac = Start(new EchoApplication(), IPAddress.Loopback);
        var port = uas.Listeners[0].EndPoint.Port;

        var second = await uac.InviteAsync($"sip:echo@127.0.0.2:{port}{transport}", Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        var first = await uac.InviteAsync($"sip:echo@127.0.0.1:{port}{transport}", Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Equal([new IPEndPoint(Second, port), new IPEndPoint(IPAddress.Loopback, port)], callee.Arrivals);
        Assert.Contains($"@127.0.0.2:{port}", second.Response.Headers.GetValue(SipHeaderKind.Contact), StringComparison.Ordinal);
        Assert.Contains($"@127.0.0.1:{port}", first.Response.Headers.GetValue(SipHeaderKind.Contact), StringComparison.Ordinal);
        await second.Dialog!.ByeAsync(Ct).WaitAsync(Timeout, Ct);
        await first.Dialog!.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    [Fact]
    public async Task InviteToASpecificBind_ArrivesOnTheBoundAddress()
    {
        var callee = new EchoApplication();
        await using var uas = Start(callee, IPAddress.Loopback);
        await using var uac = Start(new EchoApplication(), IPAddress.Loopback);

        var call = await uac.InviteAsync($"sip:echo@127.0.0.1:{uas.Listeners[0].EndPoint.Port}", Sdp, cancellationToken: Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(uas.Listeners[0].EndPoint, Assert.Single(callee.Arrivals));
        await call.Dialog!.ByeAsync(Ct).WaitAsync(Timeout, Ct);
    }

    private static SipStack Start(SipApplication application, IPAddress bind)
    {
        var stack = new SipStack(new SipStackOptions { BindAddress = bind, Port = 0, EnableTcp = true }, application);
        stack.Start();
        return stack;
    }
}
