using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application.Calls;
using Parley.Server.Web.Workspace;
using Parley.Voice.Calls.Control;
using Radzen;

namespace Parley.Web.Tests.Workspace;

public sealed class CallControlsTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Sales = new("0193a5c0-0000-7000-8000-0000000000aa");

    public CallControlsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }

    [Fact]
    public void A_call_on_hold_shows_since_when_and_offers_resume()
    {
        var actions = new List<CallAction>();
        var controls = Render(State(onHoldSince: Now.AddSeconds(-75)), actions);

        Assert.Contains("On hold since 08:58:45 UTC (1:15)", controls.Find(".parley-on-hold").TextContent, StringComparison.Ordinal);
        Button(controls, "Resume").Click();

        Assert.Equal("resume", Assert.Single(actions).Kind);
    }

    [Fact]
    public void A_connected_call_offers_hold_mute_and_hang_up()
    {
        var actions = new List<CallAction>();
        var controls = Render(State(), actions);

        Assert.Empty(controls.FindAll(".parley-on-hold"));
        Button(controls, "Hold").Click();
        Button(controls, "Mute").Click();
        Button(controls, "Hang up").Click();

        Assert.Equal(["hold", "mute", "hangup"], actions.Select(a => a.Kind));
    }

    [Fact]
    public void The_keypad_sends_the_typed_keys_and_clears()
    {
        var actions = new List<CallAction>();
        var controls = Render(State(), actions);

        controls.Find("input[name=keys]").Change("12#");
        Button(controls, "Send keys").Click();

        Assert.Equal(("dtmf", "12#"), (actions[0].Kind, actions[0].Digits));
        Assert.Equal("", controls.Find("input[name=keys]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Transfer_is_disabled_until_a_target_is_chosen_then_names_the_queue_or_the_number()
    {
        var actions = new List<CallAction>();
        var controls = Render(State(), actions);
        Assert.True(Button(controls, "Transfer").HasAttribute("disabled"));

        controls.Find("select[name=transfer-target]").Change(Sales.ToString());
        Button(controls, "Transfer").Click();
        controls.Find("select[name=transfer-kind]").Change("number");
        controls.Find("input[name=transfer-number]").Input(" +15559990001 ");
        Button(controls, "Transfer").Click();

        Assert.Equal(Sales, actions[0].To?.Queue);
        Assert.Equal("+15559990001", actions[1].To?.Number);
    }

    [Fact]
    public void Consult_takes_the_chosen_target_and_while_consulting_offers_only_complete_or_cancel()
    {
        var actions = new List<CallAction>();
        var controls = Render(State(), actions);
        Assert.Empty(controls.FindAll(".parley-consulting"));
        controls.Find("select[name=transfer-target]").Change(Sales.ToString());
        Button(controls, "Consult").Click();
        Assert.Equal(("consult", Sales), (actions[0].Kind, actions[0].To?.Queue));

        controls = Render(State() with { Consulting = true }, actions);
        controls.Find("select[name=transfer-target]").Change(Sales.ToString());
        Assert.True(Button(controls, "Transfer").HasAttribute("disabled"));
        Assert.True(Button(controls, "Consult").HasAttribute("disabled"));
        Assert.Contains("the customer is on hold", controls.Find(".parley-consulting").TextContent, StringComparison.Ordinal);
        Button(controls, "Complete transfer").Click();
        Button(controls, "Cancel consult").Click();
        Assert.Equal(["consult", "consult-complete", "consult-cancel"], actions.Select(a => a.Kind));
    }

    [Fact]
    public void A_recorded_call_says_so_and_offers_pause_then_resume_and_an_unrecorded_one_offers_neither()
    {
        var actions = new List<CallAction>();
        Assert.Empty(Render(State(), actions).FindAll(".parley-recording"));

        var recording = Render(State() with { Recording = "on" }, actions);
        Assert.Equal("Recording", recording.Find(".parley-recording").TextContent.Trim());
        Button(recording, "Pause recording").Click();
        var paused = Render(State() with { Recording = "paused" }, actions);
        Assert.StartsWith("Recording paused", paused.Find(".parley-recording").TextContent.Trim(), StringComparison.Ordinal);
        Button(paused, "Resume recording").Click();

        Assert.Equal(["recording-pause", "recording-resume"], actions.Select(a => a.Kind));
    }

    private IRenderedComponent<CallControls> Render(LiveCallView state, List<CallAction> actions) =>
        Render<CallControls>(p => p
            .Add(c => c.State, state)
            .Add(c => c.Now, Now)
            .Add(c => c.Targets, new TransferTargets([new TransferChoice(Sales, "Sales")], []))
            .Add(c => c.Act, (CallAction a) => actions.Add(a)));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<CallControls> controls, string text) =>
        controls.FindAll("button").Single(b => b.TextContent.Trim().EndsWith(text, StringComparison.Ordinal));

    private static LiveCallView State(DateTimeOffset? onHoldSince = null) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), onHoldSince, Muted: false, Holds: onHoldSince is null ? 0 : 1);
}
