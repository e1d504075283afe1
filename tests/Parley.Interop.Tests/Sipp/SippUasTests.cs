using System.Globalization;
using System.Text;
using Parley.Interop.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Interop.Tests.Sipp;

/// <summary>SIPp as the callee: Parley's UAC (<c>SipStack.InviteAsync</c>) calls SIPp's built-in UAS and hangs up.</summary>
public sealed class SippUasTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ParleyCall_ToSippUas_IsAnsweredAndEndedWithBye()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable), "sipp (Debian package sip-tester) is needed: eng/test.sh installs it.");
        await using var parley = new ParleyEchoHost();
        var port = FreePort.Udp();
        await using var sipp = Support.Sipp.Start("-sn", "uas", "-p", port.ToString(CultureInfo.InvariantCulture), "-m", "1");
        // No wait for SIPp to bind: the INVITE is retransmitted over UDP (timer A) until SIPp answers.
        var offer = Encoding.ASCII.GetBytes("v=0\r\no=parley 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));

        var result = await parley.Stack.InviteAsync($"sip:service@127.0.0.1:{port}", offer, cancellationToken: cts.Token);
        Assert.Equal(200, result.StatusCode);
        var bye = await result.Dialog!.ByeAsync(cts.Token);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.Equal(200, bye.StatusCode);
        Assert.True(exit == 0, $"sipp exited {exit}:\n{sipp.Output}");
    }

    [Fact]
    public async Task ParleyCall_ToSippRingingReliably_PracksAndIsAnswered()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable), "sipp (Debian package sip-tester) is needed: eng/test.sh installs it.");
        await using var parley = new ParleyEchoHost();
        var port = FreePort.Udp();
        await using var sipp = Support.Sipp.Start("-sf", Support.Sipp.Scenario("uas-100rel.xml"), "-p", port.ToString(CultureInfo.InvariantCulture), "-m", "1");
        var offer = Encoding.ASCII.GetBytes("v=0\r\no=parley 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
        var provisional = new List<int>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(20));

        var result = await parley.Stack.InviteAsync($"sip:service@127.0.0.1:{port}", offer, new SipInviteOptions { OnProvisional = provisional.Add }, cts.Token);
        var bye = result.Dialog is null ? null : await result.Dialog.ByeAsync(cts.Token);
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(20), Ct);

        Assert.True(result.StatusCode == 200, $"SIPp answered {result.StatusCode}:\n{sipp.Output}");
        Assert.Contains(180, provisional);
        Assert.Equal(200, bye?.StatusCode);
        Assert.True(exit == 0, $"sipp exited {exit} (no PRACK, or a wrong RAck):\n{sipp.Output}");
    }
}
