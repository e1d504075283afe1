using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Routing.Agents;
using Parley.Server.Application.Supervision;
using Parley.Server.Web.Supervisor;
using Radzen;

namespace Parley.Web.Tests.Supervisor;

/// <summary>The agent grid's call buttons: shown for connected voice calls to supervisors holding <c>calls.monitor</c>, and what each asks for.</summary>
public sealed class AgentGridCallTests : BunitContext
{
    private static readonly Guid Call = Guid.CreateVersion7();
    private static readonly Guid Chat = Guid.CreateVersion7();

    public AgentGridCallTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void A_connected_voice_call_offers_listen_whisper_barge_and_release_and_each_asks_for_that_action_on_the_call()
    {
        var asked = new List<CallAction>();
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [Bob()]).Add(g => g.CanMonitor, true)
            .Add(g => g.Supervise, (CallAction a) => asked.Add(a)));

        var buttons = grid.FindAll($"[data-call='{Call}'] button");
        Assert.Equal(["Listen", "Whisper", "Barge", "Release"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Empty(grid.FindAll($"[data-call='{Chat}']"));
        buttons[0].Click();
        grid.FindAll($"[data-call='{Call}'] button")[3].Click();
        Assert.Equal([new CallAction(Call, "Bob Agent", "listen"), new CallAction(Call, "Bob Agent", "release")], asked);
    }

    [Fact]
    public void A_joined_call_shows_its_mode_pressed_and_adds_intercept_and_leave()
    {
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [Bob()]).Add(g => g.CanMonitor, true)
            .Add(g => g.Monitoring, new Dictionary<Guid, string> { [Call] = "whisper" }));

        var buttons = grid.FindAll($"[data-call='{Call}'] button");
        Assert.Equal(["Listen", "Whisper", "Barge", "Intercept", "Leave", "Release"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal("true", buttons[1].GetAttribute("aria-pressed"));
        Assert.True(buttons[1].HasAttribute("disabled"));
    }

    [Fact]
    public void Without_calls_monitor_there_are_no_call_buttons()
    {
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [Bob()]));

        Assert.Empty(grid.FindAll(".parley-call-actions"));
    }

    private static AgentRow Bob() => new(
        Guid.CreateVersion7(), "Bob Agent", AgentState.Busy, null, TimeSpan.FromMinutes(2), false,
        [new AgentInteractionView(Call, "Voice", "Support", "Connected", TimeSpan.FromMinutes(1)), new AgentInteractionView(Chat, "Chat", "Support", "Connected", TimeSpan.FromMinutes(1))],
        ["support (4)"]);
}
