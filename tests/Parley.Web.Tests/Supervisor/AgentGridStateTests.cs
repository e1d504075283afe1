using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Routing.Agents;
using Parley.Server.Application.Supervision;
using Parley.Server.Web.Supervisor;
using Radzen;

namespace Parley.Web.Tests.Supervisor;

/// <summary>What the agent grid says of an agent's state: a call on hold, an agent no call can ring, a built-in not-ready reason.</summary>
public sealed class AgentGridStateTests : BunitContext
{
    private static readonly Guid Call = Guid.CreateVersion7();

    public AgentGridStateTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void An_agent_holding_a_call_reads_on_hold_with_the_time_on_hold_running_on_the_pages_clock()
    {
        var held = Bob(onHoldFor: TimeSpan.FromSeconds(42));
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [held]));

        Assert.Equal("On hold", grid.Find("tr[data-agent='Bob Agent'] .parley-agent-state").TextContent.Trim());
        Assert.Equal("0:42", grid.Find("tr[data-agent='Bob Agent'] .parley-agent-time").TextContent.Trim());
        Assert.Contains("on hold 0:42", grid.Find($"tr[data-agent='Bob Agent'] .parley-chip").TextContent, StringComparison.Ordinal);

        grid.Render(p => p.Add(g => g.Elapsed, TimeSpan.FromSeconds(3)));
        Assert.Equal("0:45", grid.Find("tr[data-agent='Bob Agent'] .parley-agent-time").TextContent.Trim());
        Assert.Contains("on hold 0:45", grid.Find($"tr[data-agent='Bob Agent'] .parley-chip").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_not_on_hold_reads_on_contact_with_the_time_in_state()
    {
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [Bob(onHoldFor: null)]));

        Assert.Equal("On contact", grid.Find("tr[data-agent='Bob Agent'] .parley-agent-state").TextContent.Trim());
        Assert.Equal("2:00", grid.Find("tr[data-agent='Bob Agent'] .parley-agent-time").TextContent.Trim());
        Assert.Contains("connected 1:00", grid.Find($"tr[data-agent='Bob Agent'] .parley-chip").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VoicePhone.None, "No phone")]
    [InlineData(VoicePhone.Offline, "Phone offline")]
    public void An_available_agent_no_call_can_ring_is_marked_and_the_mark_explains_itself(VoicePhone phone, string text)
    {
        var dee = new AgentRow(Guid.CreateVersion7(), "Dee Agent", AgentState.Available, null, TimeSpan.FromMinutes(1), false, [], [], phone);
        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [dee, dee with { AgentId = Guid.CreateVersion7(), Name = "Eve Agent", Phone = VoicePhone.Ready }]));

        var tag = grid.Find("tr[data-agent='Dee Agent'] .parley-phone-tag");
        Assert.Equal(text, tag.TextContent.Trim());
        Assert.Contains("do not count as available for voice", tag.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(grid.FindAll("tr[data-agent='Eve Agent'] .parley-phone-tag"));
    }

    [Fact]
    public void An_agent_the_engine_set_not_ready_for_missed_offers_reads_the_reasons_name_not_its_code()
    {
        var missed = new AgentRow(Guid.CreateVersion7(), "Dee Agent", AgentState.NotReady, "missed-offers", TimeSpan.FromMinutes(1), false, [], [], VoicePhone.Ready);

        var grid = Render<AgentGrid>(p => p.Add(g => g.Agents, [missed]));

        Assert.Equal("Not ready (Missed offers)", grid.Find("tr[data-agent='Dee Agent'] .parley-agent-state").TextContent.Trim());
    }

    private static AgentRow Bob(TimeSpan? onHoldFor) => new(
        Guid.CreateVersion7(), "Bob Agent", AgentState.Busy, null, TimeSpan.FromMinutes(2), false,
        [new AgentInteractionView(Call, "Voice", "Support", "Connected", TimeSpan.FromMinutes(1), "Carla Customer", onHoldFor)],
        ["support (4)"], VoicePhone.Ready);
}
