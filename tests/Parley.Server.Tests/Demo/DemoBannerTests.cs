using Parley.Server.Demo;
using Parley.Server.Options;

namespace Parley.Server.Tests.Demo;

public sealed class DemoBannerTests
{
    [Fact]
    public void WithSipListening_TheBannerSaysWhereAndHowToCallTheEchoTest()
    {
        var demo = new DemoOptions();

        var text = DemoBanner.Render("http://127.0.0.1:5080", demo, "operator", "secret", ["UDP 0.0.0.0:5060", "TCP 0.0.0.0:5060"], "demo.sip.parley");

        Assert.Contains("UDP 0.0.0.0:5060, TCP 0.0.0.0:5060", text, StringComparison.Ordinal);
        Assert.Contains($"agent1@demo.sip.parley / {demo.SipPassword}", text, StringComparison.Ordinal);
        Assert.Contains("call 'echo'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSipOff_TheBannerHasNoSipLines()
    {
        var text = DemoBanner.Render("http://127.0.0.1:5080", new DemoOptions(), "operator", "secret", [], "demo.sip.parley");

        Assert.DoesNotContain("SIP", text, StringComparison.Ordinal);
        Assert.Contains("/sign-in", text, StringComparison.Ordinal);
    }
}
