using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Media.Sdp;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Attended transfer from the agent's phone over real SIP and RTP on loopback (RFC 5589 §7): the agent holds the
/// customer by re-INVITE, calls a number of the tenant from the same phone (a second agent answers through the queue),
/// then sends REFER on the customer's dialog with Replaces naming that second call. Customer 440 Hz, agent 1 kHz, the
/// consulted agent 1.7 kHz.
/// </summary>
public sealed class AttendedReferTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReferWithReplacesNamingTheConsultation_JoinsTheCustomerWithTheConsultedAgent_AndEndsBothOfTheAgentsDialogs()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.101"), rtpBase: 42000);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 42400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.102"), rtpBase: 42800);
        var (live, colleague, consultNumber, consultation, consulted) = await ConsultFromThePhoneAsync(agentPhone, colleaguePhone, caller);
        var reported = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var feed = await CallEventsAsync(live.CallId, reported);
        var replaces = $"{consultation.Dialog!.CallId};to-tag={consultation.Dialog.RemoteTag};from-tag={consultation.Dialog.LocalTag}";

        Assert.Equal(202, (await live.AgentCall.Dialog!.ReferAsync($"sip:{consultNumber}@127.0.0.1", replaces + ";early-only", Ct)).StatusCode);
        await live.AgentCall.WaitUntilAsync(c => c.ReferNotifies.Count == 1, "the early-only REFER's final NOTIFY");
        Assert.Equal(486, live.AgentCall.ReferNotifies[0]);
        Assert.Equal(202, (await live.AgentCall.Dialog.ReferAsync($"sip:{consultNumber}@127.0.0.1", replaces, Ct)).StatusCode);

        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await consultation.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal([486, 200], live.AgentCall.ReferNotifies);
        await AssertTransferredAsync(live, colleague, consultNumber, consulted);
        await UntilAsync(() => reported.Contains("call.consult-completed from phone"));
        Assert.Contains("call.consult-completed from phone", reported);
    }

    [Fact]
    public async Task AReferOnTheConsultation_WithReplacesNamingTheAgentsLegOfTheCustomersCall_DoesTheSameTheOtherWayRound()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.105"), rtpBase: 40400);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 40800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.106"), rtpBase: 39600);
        var (live, colleague, consultNumber, consultation, consulted) = await ConsultFromThePhoneAsync(agentPhone, colleaguePhone, caller);
        var agentLeg = live.AgentCall.Dialog!;

        // The phone is the UAS of its agent leg: Parley's tag is the remote one.
        Assert.Equal(202, (await consultation.Dialog!.ReferAsync($"sip:{live.Number}@127.0.0.1", $"{agentLeg.CallId};to-tag={agentLeg.RemoteTag};from-tag={agentLeg.LocalTag}", Ct)).StatusCode);

        await consultation.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal([200], consultation.ReferNotifies);
        Assert.Empty(live.AgentCall.ReferNotifies);
        await AssertTransferredAsync(live, colleague, consultNumber, consulted);
    }

    [Fact]
    public async Task AfterAnAttendedReferFromThePhone_TheConsultedAgentHasTheCall_HoldsAndHangsItUp_AndTheFirstAgentGets404()
    {
        await using var agentPhone = TestPhone.Start("desk2", IPAddress.Parse("127.0.0.168"), rtpBase: 25600);
        await using var colleaguePhone = TestPhone.Start("desk3", rtpBase: 26000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.169"), rtpBase: 26400);
        var (live, colleague, consultNumber, consultation, consulted) = await ConsultFromThePhoneAsync(agentPhone, colleaguePhone, caller);
        var replaces = $"{consultation.Dialog!.CallId};to-tag={consultation.Dialog.RemoteTag};from-tag={consultation.Dialog.LocalTag}";

        Assert.Equal(202, (await live.AgentCall.Dialog!.ReferAsync($"sip:{consultNumber}@127.0.0.1", replaces, Ct)).StatusCode);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await consultation.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer handed over", [1700], [1000]);

        await AssertTheColleagueControlsTheCallAsync(live, colleague, consulted);
        await colleague.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 204);
        await consulted.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(await AgentIdAsync(factory, "agent3"), record.GetProperty("agentId").GetGuid());
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["consult_transferred", "agent_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent3", "AfterCallWork"));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleague);
    }

    /// <summary>
    /// The customer bridged with agent2's phone; the phone holds them by re-INVITE and calls a new number of the Sales queue,
    /// which agent3 answers; agent2 and agent3 hear each other.
    /// </summary>
    private async Task<(LiveCall Live, HttpClient Colleague, string ConsultNumber, PhoneCall Consultation, PhoneCall Consulted)> ConsultFromThePhoneAsync(
        TestPhone agentPhone, TestPhone colleaguePhone, TestPhone caller)
    {
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        await factory.SetDemoAgentPhoneAsync("agent3", colleaguePhone.Uri);
        var colleague = await factory.SignInToRoutingAsync("agent3");
        var consultNumber = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Sales"), agentPhone.Address.ToString());
        Assert.Equal(200, (await live.AgentCall.Dialog!.ReInviteAsync(Offer(live.AgentCall, agentPhone.Address, MediaDirection.SendOnly), Ct)).StatusCode);
        var consultation = await agentPhone.CallAsync($"sip:{consultNumber}@127.0.0.1:{factory.SipPort}", Ct);
        var consulted = await colleaguePhone.NextIncomingAsync();
        consultation.PlayTone(1000);
        consulted.PlayTone(1700);
        await consulted.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the consulted agent hears the agent");
        await consultation.WaitUntilAsync(c => c.FramesOf(1700) > 25, "the agent hears the consulted agent");
        return (live, colleague, consultNumber, consultation, consulted);
    }

    /// <summary>The customer and agent3 talk, then the customer hangs up: the records and both agents' states show a consult transfer.</summary>
    private async Task AssertTransferredAsync(LiveCall live, HttpClient colleague, string consultNumber, PhoneCall consulted)
    {
        await AssertHearsAsync(live.CallerCall, "the customer", [1700], [1000]);
        await AssertHearsAsync(consulted, "the consulted agent", [440], [1000]);
        Assert.False(consulted.Ended.IsCompleted, "the consulted agent's leg went on in the customer's call");

        await live.CallerCall.HangUpAsync();
        await consulted.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var legs = (await LegsAsync(factory, await factory.CallRecordAsync(live.Number))).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(["consult_transferred", "caller_hangup"], legs.Skip(1).Select(l => l.GetProperty("releaseCause").GetString()));
        Assert.Equal(await AgentIdAsync(factory, "agent3"), legs[2].GetProperty("agentId").GetGuid());
        Assert.Equal("replaced", (await factory.CallRecordAsync(consultNumber)).GetProperty("releaseCause").GetString());
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent3"));
        await SignOutAsync(live.Agent);
        await SignOutAsync(colleague);
    }

    [Fact]
    public async Task AReferWithReplacesNamingAnotherPhonesCallOrNoCallOfParleys_IsRefusedInTheNotify_AndTheCallGoesOn()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 41200);
        await using var otherPhone = TestPhone.Start("desk3", IPAddress.Parse("127.0.0.103"), rtpBase: 41600);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.104"), rtpBase: 43200);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        await factory.SetDemoAgentPhoneAsync("agent3", otherPhone.Uri);
        await factory.SignOutOfRoutingAsync("agent3");
        var waitingNumber = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Sales"), otherPhone.Address.ToString());
        var othersCall = await otherPhone.CallAsync($"sip:{waitingNumber}@127.0.0.1:{factory.SipPort}", Ct);
        await othersCall.WaitUntilAsync(c => c.LoudFrames > 10, "another agent's phone waits in the Sales queue");
        var dialog = live.AgentCall.Dialog!;

        Assert.Equal(400, (await dialog.ReferAsync($"sip:{waitingNumber}@127.0.0.1", "abc;to-tag=1", Ct)).StatusCode);
        Assert.Equal(202, (await dialog.ReferAsync($"sip:{waitingNumber}@127.0.0.1", "no-such-call@127.0.0.1;to-tag=1;from-tag=2", Ct)).StatusCode);
        await live.AgentCall.WaitUntilAsync(c => c.ReferNotifies.Count == 1, "the final NOTIFY for a dialog Parley does not hold");
        var others = $"{othersCall.Dialog!.CallId};to-tag={othersCall.Dialog.RemoteTag};from-tag={othersCall.Dialog.LocalTag}";
        Assert.Equal(202, (await dialog.ReferAsync($"sip:{waitingNumber}@127.0.0.1", others, Ct)).StatusCode);
        await live.AgentCall.WaitUntilAsync(c => c.ReferNotifies.Count == 2, "the final NOTIFY for another phone's dialog");

        Assert.Equal([481, 403], live.AgentCall.ReferNotifies);
        await AssertHearsAsync(live.CallerCall, "the customer", [1000], []);
        await AssertHearsAsync(live.AgentCall, "the agent", [440], []);
        Assert.False(othersCall.Ended.IsCompleted, "the other phone's call is left alone");
        Assert.False(live.AgentCall.Ended.IsCompleted, "the agent's call is left alone");

        await othersCall.HangUpAsync();
        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var legs = (await LegsAsync(factory, await factory.CallRecordAsync(live.Number))).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent"], legs.Select(l => l.GetProperty("party").GetString()));
        await SignOutAsync(live.Agent);
    }

    /// <summary>The call events of <paramref name="callId"/> the tenant's live feed hears, as "type from source".</summary>
    private async Task<IDisposable> CallEventsAsync(Guid callId, System.Collections.Concurrent.ConcurrentQueue<string> reported) =>
        factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type.StartsWith("call.", StringComparison.Ordinal) && Equals(e.Data["callId"], callId)))
            {
                reported.Enqueue($"{e.Type} from {e.Data.GetValueOrDefault("from")}");
            }

            return Task.CompletedTask;
        });

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50, Ct);
        }
    }

    private static ReadOnlyMemory<byte> Offer(PhoneCall call, IPAddress address, MediaDirection direction)
    {
        var local = new SdpOfferParameters(address, call.Session!.LocalPort) { Direction = direction, SessionVersion = 2UL };
        return Encoding.ASCII.GetBytes(SdpNegotiator.CreateOffer(local).ToString());
    }
}
