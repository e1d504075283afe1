using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application.Agents;
using Parley.Server.Web.Workspace;
using Radzen;

namespace Parley.Web.Tests.Workspace;

public sealed class InteractionPanelTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = new("0193a5c0-0000-7000-8000-0000000000f1");

    public InteractionPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void An_accepted_voicemail_shows_the_caller_and_length_and_plays_through_the_voicemail_api_with_end_not_hang_up()
    {
        var panel = Render(WorkItemStatus.Active, new Dictionary<string, string> { ["kind"] = "voicemail", ["callerNumber"] = "+15557654321", ["voicemailSeconds"] = "14" });

        var voicemail = panel.Find(".parley-voicemail");
        Assert.Contains("+15557654321", voicemail.TextContent, StringComparison.Ordinal);
        Assert.Contains("14 s", voicemail.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/interactions/{Id}/voicemail", panel.Find("audio").GetAttribute("src"));
        Assert.Empty(panel.FindAll(".parley-call"));
        Assert.Contains(panel.FindAll("button"), b => b.TextContent.Contains("End", StringComparison.Ordinal));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Contains("Hang up", StringComparison.Ordinal));
    }

    [Fact]
    public void A_voicemail_still_offered_has_no_player_and_a_call_has_no_voicemail_section()
    {
        Assert.Empty(Render(WorkItemStatus.Offered, new Dictionary<string, string> { ["kind"] = "voicemail" }).FindAll("audio"));

        var call = Render(WorkItemStatus.Active, new Dictionary<string, string> { ["callerNumber"] = "+15551230000" });
        Assert.Empty(call.FindAll(".parley-voicemail"));
        Assert.Contains("+15551230000", call.Find(".parley-call").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placed_call_names_whom_the_agent_called_and_says_dialling_until_its_controls_arrive()
    {
        var dialling = Render(WorkItemStatus.Active, new Dictionary<string, string> { ["direction"] = "outbound", ["calledNumber"] = "+15559990101" });

        var call = dialling.Find(".parley-call").TextContent;
        Assert.Contains("You called +15559990101", call, StringComparison.Ordinal);
        Assert.Contains("Dialling…", call, StringComparison.Ordinal);
        Assert.DoesNotContain("Caller", call, StringComparison.Ordinal);
        Assert.Contains("extension 1002", Render(WorkItemStatus.Active, new Dictionary<string, string> { ["direction"] = "internal", ["calledNumber"] = "1002" })
            .Find(".parley-call").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<InteractionPanel> Render(WorkItemStatus status, IReadOnlyDictionary<string, string> attributes) =>
        Render<InteractionPanel>(p => p
            .Add(x => x.Item, new WorkItemView(Id, status, "Voice", Guid.NewGuid(), "Support", attributes, Now.AddMinutes(-2),
                status == WorkItemStatus.Offered ? null : Now.AddMinutes(-1), Now.AddMinutes(-1), null, "Optional", [], null, null, []))
            .Add(x => x.Now, Now));
}
