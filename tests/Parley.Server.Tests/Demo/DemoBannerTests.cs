using Parley.Server.Demo;
using Parley.Server.Options;

namespace Parley.Server.Tests.Demo;

public sealed class DemoBannerTests
{
    private static readonly DemoCredentials Secrets = new("A-secret-1", "S-secret-1", "G-secret-1", "api-secret-1", "sip-secret-1", "O-secret-1", "/data/demo-secrets.json");

    [Fact]
    public void WithSipListening_TheBannerSaysWhereAndHowToCallTheEchoTest()
    {
        var text = DemoBanner.Render("http://127.0.0.1:5080", Secrets, "operator", ["UDP 0.0.0.0:5060", "TCP 0.0.0.0:5060"], "demo.sip.parley", new HttpOptions());

        Assert.Contains("UDP 0.0.0.0:5060, TCP 0.0.0.0:5060", text, StringComparison.Ordinal);
        Assert.Contains($"agent1@demo.sip.parley / {Secrets.SipPassword}", text, StringComparison.Ordinal);
        Assert.Contains("call 'echo'", text, StringComparison.Ordinal);
        Assert.Contains("dial 15550100", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSignInLinkNamesTheDemoTenant_AndAWrappedDescriptionLinesUpUnderItsFirstLine()
    {
        var lines = DemoBanner.Render("http://127.0.0.1:5080", Secrets, "operator", [], "demo.sip.parley", new HttpOptions()).Split(Environment.NewLine);

        Assert.Contains(lines, l => l.EndsWith("http://127.0.0.1:5080/sign-in?tenant=demo", StringComparison.Ordinal));
        var admin = Array.FindIndex(lines, l => l.Contains("Admin console", StringComparison.Ordinal));
        Assert.Equal(lines[admin].IndexOf('(', StringComparison.Ordinal) + 1, lines[admin + 1].Length - lines[admin + 1].TrimStart().Length);
    }

    [Fact]
    public void TheWebChatLineNamesTheAgentsWhoTakeChats()
    {
        // The demo widget chats to Support, which needs the support skill: agent1 never gets the offer.
        var lines = DemoBanner.Render("http://127.0.0.1:5080", Secrets, "operator", [], "demo.sip.parley", new HttpOptions()).Split(Environment.NewLine);

        var chat = Array.Find(lines, l => l.Contains("/demo/chat", StringComparison.Ordinal));
        Assert.NotNull(chat);
        Assert.Contains("agent2 or agent3", chat, StringComparison.Ordinal);
    }

    [Fact]
    public void WithSipOff_TheBannerHasNoSipLines()
    {
        var text = DemoBanner.Render("http://127.0.0.1:5080", Secrets, "operator", [], "demo.sip.parley", new HttpOptions());

        Assert.DoesNotContain("SIP", text, StringComparison.Ordinal);
        Assert.Contains("/sign-in", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheApiReferenceTurnedOff_TheBannerDoesNotLinkIt()
    {
        var text = DemoBanner.Render("http://127.0.0.1:5080", Secrets, "operator", [], "demo.sip.parley", new HttpOptions { OpenApiEnabled = false, ScalarEnabled = false });

        Assert.DoesNotContain("/scalar", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/openapi", text, StringComparison.Ordinal);
    }
}
