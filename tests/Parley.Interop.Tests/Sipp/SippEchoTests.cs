using Parley.Interop.Tests.Support;

namespace Parley.Interop.Tests.Sipp;

/// <summary>SIPp as the caller: INVITE with SDP, PCMA RTP from a pcap, RFC 2833 '#', and Parley hangs up with BYE.</summary>
public sealed class SippEchoTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SippCall_ToEcho_IsAnsweredEchoedAndHungUpOnHash()
    {
        Assert.True(PeerProcess.IsInstalled(Support.Sipp.Executable), "sipp (Debian package sip-tester) is needed: eng/test.sh installs it.");
        await using var parley = new ParleyEchoHost();
        var media = FreePort.Udp(evenPair: true);

        await using var sipp = Support.Sipp.Start("-sf", Support.Sipp.Scenario("uac-echo-dtmf.xml"), $"127.0.0.1:{parley.Port}", "-p", FreePort.Udp().ToString(System.Globalization.CultureInfo.InvariantCulture), "-mp", media.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", "1");
        var exit = await sipp.WaitForExitAsync(TimeSpan.FromSeconds(40), Ct);
        var statistics = await parley.HungUp.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        // SIPp exits 0 only when every step passed, including receiving Parley's BYE after the '#'.
        Assert.True(exit == 0, $"sipp exited {exit}:\n{sipp.Output}");
        // 236 packets of 30 ms PCMA (7.05 s) come in; Parley echoes them as 20 ms frames, ~354 packets, at least 250 even on a loaded machine (silence is off in
        // this host, so every packet sent is echoed audio). PacketsReceived restarts with the DTMF pcap's new SSRC.
        Assert.InRange(statistics.PacketsSent, 250, 400);
        Assert.Equal(1, statistics.DigitsReceived);
        Assert.Equal(0, parley.Echo.ActiveCalls);
    }
}
