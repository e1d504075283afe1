using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application.Agents;
using Parley.Server.Web.Workspace;
using Radzen;

namespace Parley.Web.Tests.Workspace;

public sealed class OfferCardTests : BunitContext
{
    private static readonly DateTimeOffset OfferedAt = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    public OfferCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void Countdown_rounds_up_to_whole_seconds_and_never_goes_below_zero()
    {
        var card = Render<OfferCard>(p => p.Add(c => c.Item, Offer()).Add(c => c.Now, OfferedAt.AddSeconds(7.8)));
        Assert.Equal("13 s left", card.Find(".parley-countdown").TextContent);

        card.Render(p => p.Add(c => c.Now, OfferedAt.AddSeconds(25)));
        Assert.Equal("0 s left", card.Find(".parley-countdown").TextContent);
    }

    [Fact]
    public void Accept_and_reject_report_the_offer_and_have_access_keys()
    {
        WorkItemView? accepted = null;
        var card = Render<OfferCard>(p => p.Add(c => c.Item, Offer()).Add(c => c.Now, OfferedAt).Add(c => c.Accept, (WorkItemView w) => accepted = w));

        var accept = card.FindAll("button").Single(b => b.TextContent.Contains("Accept", StringComparison.Ordinal));
        Assert.Equal("a", accept.GetAttribute("accesskey"));
        accept.Click();

        Assert.Equal(Offer().InteractionId, accepted?.InteractionId);
        Assert.Contains("Grace Hopper (+15550199)", card.Find("[role=alertdialog]").TextContent);
    }

    [Theory]
    [InlineData("sipCallId", "a84b4c76e66710@pc33")]
    [InlineData("kind", "consult")]
    [InlineData("kind", "callback")]
    public void A_live_calls_offer_is_answered_on_the_phone_and_can_only_be_rejected_here(string attribute, string value)
    {
        var offer = Offer() with { Attributes = new Dictionary<string, string> { [attribute] = value, ["name"] = "Grace Hopper" } };
        var card = Render<OfferCard>(p => p.Add(c => c.Item, offer).Add(c => c.Now, OfferedAt));

        Assert.DoesNotContain(card.FindAll("button"), b => b.TextContent.Contains("Accept", StringComparison.Ordinal));
        Assert.Contains("Answer on your phone", card.Find(".parley-answer-on-phone").TextContent, StringComparison.Ordinal);
        Assert.Single(card.FindAll("button"), b => b.TextContent.Contains("Reject", StringComparison.Ordinal));
    }

    [Fact]
    public void A_voicemail_is_accepted_here_to_be_played()
    {
        var offer = Offer() with { Attributes = new Dictionary<string, string> { ["kind"] = "voicemail", ["callId"] = Guid.Empty.ToString() } };
        var card = Render<OfferCard>(p => p.Add(c => c.Item, offer).Add(c => c.Now, OfferedAt));

        Assert.Single(card.FindAll("button"), b => b.TextContent.Contains("Accept", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Chat", "chat", "comments_disabled")]
    [InlineData("Voice", "call", "call_end")]
    [InlineData("Video", "videocam", "videocam_off")]
    [InlineData("Email", "mail", "close")]
    public void Accept_and_reject_show_icons_of_the_offers_channel(string channel, string accept, string reject)
    {
        var card = Render<OfferCard>(p => p.Add(c => c.Item, Offer() with { Channel = channel }).Add(c => c.Now, OfferedAt));

        Assert.Equal(accept, Icon(card, "Accept"));
        Assert.Equal(reject, Icon(card, "Reject"));
    }

    private static string Icon(IRenderedComponent<OfferCard> card, string button) =>
        card.FindAll("button").Single(b => b.TextContent.Contains(button, StringComparison.Ordinal)).QuerySelector(".rz-button-icon-left, i")!.TextContent.Trim();

    private static WorkItemView Offer() => new(
        new Guid("0193a5c0-0000-7000-8000-000000000001"), WorkItemStatus.Offered, "Voice", Guid.Empty, "Sales",
        new Dictionary<string, string> { ["customerName"] = "Grace Hopper", ["callerNumber"] = "+15550199" },
        OfferedAt, null, OfferedAt, OfferedAt.AddSeconds(20), "Optional", [], null, "callerNumber: +15550199", []);
}
