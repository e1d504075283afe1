using Bunit;
using Parley.Cluster.Routing.Messages;
using Parley.Routing.Agents;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Web.Workspace;
using Radzen;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Web.Tests.Workspace;

public sealed class AgentStateBarTests : BunitContext
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    public AgentStateBarTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void Time_in_state_runs_on_from_the_server_reading()
    {
        var bar = Render<AgentStateBar>(p => p
            .Add(b => b.State, View(AgentState.Available, TimeSpan.FromSeconds(65)))
            .Add(b => b.Now, ReadAt.AddSeconds(10)));

        Assert.Equal("1:15", bar.Find(".parley-state-time").TextContent);
    }

    [Fact]
    public void Not_ready_shows_the_reason_by_its_name()
    {
        var bar = Render<AgentStateBar>(p => p
            .Add(b => b.State, View(AgentState.NotReady, TimeSpan.Zero, reason: "rest"))
            .Add(b => b.Reasons, [new NotReadyReasonDto(Guid.NewGuid(), "rest", "Rest break", 1)])
            .Add(b => b.Now, ReadAt));

        Assert.Equal("Not ready (Rest break)", bar.Find(".parley-state-name").TextContent);
    }

    [Fact]
    public void Not_ready_for_missed_offers_is_named_for_people_and_not_offered_as_a_choice()
    {
        var bar = Render<AgentStateBar>(p => p
            .Add(b => b.State, View(AgentState.NotReady, TimeSpan.Zero, reason: "missed-offers"))
            .Add(b => b.Reasons, [new NotReadyReasonDto(Guid.NewGuid(), "rest", "Rest break", 1)])
            .Add(b => b.Now, ReadAt));

        Assert.Equal("Not ready (Missed offers)", bar.Find(".parley-state-name").TextContent);
        Assert.DoesNotContain("missed-offers", bar.Markup, StringComparison.Ordinal);
        // "Not ready" again needs one of the tenant's reasons: the engine's own is not one to send back.
        var notReady = bar.FindAll("button").Single(b => b.TextContent.Contains("Not ready", StringComparison.Ordinal));
        Assert.True(notReady.HasAttribute("disabled"));
    }

    [Fact]
    public void Signed_out_agent_is_offered_sign_in_only_and_it_asks_for_notifications()
    {
        var bar = Render<AgentStateBar>(p => p.Add(b => b.State, View(AgentState.LoggedOut, TimeSpan.Zero)));

        var button = Assert.Single(bar.FindAll("button"));
        Assert.Contains("Sign in to routing", button.TextContent);
        Assert.Equal("true", button.GetAttribute("data-ask-notifications"));
        Assert.Empty(bar.FindAll(".parley-state-time"));
    }

    [Theory]
    [InlineData(AgentState.Busy, "Busy")]
    [InlineData(AgentState.Reserved, "Offer ringing")]
    [InlineData(AgentState.AfterCallWork, "Wrap-up")]
    public void While_busy_ringing_or_wrapping_up_no_state_button_looks_selected(AgentState state, string shown)
    {
        var bar = Render<AgentStateBar>(p => p.Add(b => b.State, View(state, TimeSpan.Zero)).Add(b => b.Now, ReadAt));

        Assert.Equal(shown, bar.Find(".parley-state-name").TextContent);
        Assert.Equal(state.ToString(), bar.Find(".parley-state").GetAttribute("data-state"));
        foreach (var name in new[] { "Available", "Not ready" })
        {
            var button = Button(bar, name);
            Assert.Equal("false", button.GetAttribute("aria-pressed"));
            Assert.DoesNotContain("rz-variant-filled", button.ClassList);
        }
    }

    [Theory]
    [InlineData(AgentState.Available, "Available", "Not ready")]
    [InlineData(AgentState.NotReady, "Not ready", "Available")]
    public void Only_the_button_of_the_agents_state_looks_pressed(AgentState state, string pressed, string other)
    {
        var bar = Render<AgentStateBar>(p => p
            .Add(b => b.State, View(state, TimeSpan.Zero, reason: state == AgentState.NotReady ? "rest" : null))
            .Add(b => b.Reasons, [new NotReadyReasonDto(Guid.NewGuid(), "rest", "Rest break", 1)])
            .Add(b => b.Now, ReadAt));

        Assert.Equal("true", Button(bar, pressed).GetAttribute("aria-pressed"));
        Assert.Contains("rz-variant-filled", Button(bar, pressed).ClassList);
        Assert.Equal("false", Button(bar, other).GetAttribute("aria-pressed"));
        Assert.DoesNotContain("rz-variant-filled", Button(bar, other).ClassList);
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<AgentStateBar> bar, string text) =>
        bar.FindAll("button").Single(b => b.TextContent.Trim().EndsWith(text, StringComparison.Ordinal));

    private static AgentView View(AgentState state, TimeSpan inState, string? reason = null) =>
        new("a1", state, reason, inState, null, false, 0, [], [], ReadAt);
}
