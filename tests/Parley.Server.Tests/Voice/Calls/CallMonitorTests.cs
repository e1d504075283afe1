using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Sip;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A supervisor on a live call over real SIP and RTP on loopback: the customer plays 440 Hz, the agent 1 kHz and the
/// supervisor 1.7 kHz, and each phone's ears prove who hears whom in listen, whisper and barge, across live mode
/// switches, an intercept and a force release.
/// </summary>
public sealed class CallMonitorTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private const double Customer = 440;
    private const double Agent = 1000;
    private const double Supervisor = 1700;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Listen_Whisper_Barge_EachLetsTheRightPeopleHearTheSupervisor_AndSwitchLiveDuringTheCall()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 45000);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.81"), rtpBase: 45400);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 45800);
        await SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        var reported = new ConcurrentQueue<string>();
        using var feed = factory.Services.GetRequiredService<Parley.Server.Routing.TenantEventSubscriptions>().Subscribe(await factory.DemoTenantIdAsync(), events =>
        {
            foreach (var e in events.Where(e => e.Type.StartsWith("call.", StringComparison.Ordinal) && Equals(e.Data["callId"], live.CallId)))
            {
                reported.Enqueue(e.Type);
            }

            return Task.CompletedTask;
        });
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var (sam, legId) = await MonitorAsync(supervisor, live.CallId, supervisorPhone, "listen");
        Assert.StartsWith("Monitor: ", sam.FromDisplayName, StringComparison.Ordinal);
        await AssertHearsAsync(sam, "the listening supervisor", [Customer, Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent", [Customer], [Supervisor]);
        await AssertHearsAsync(live.CallerCall, "the customer", [Agent], [Supervisor]);

        using (var whisper = await supervisor.PutAsJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "whisper" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, whisper.StatusCode);
        }

        await AssertHearsAsync(live.AgentCall, "the agent being whispered to", [Supervisor, Customer], []);
        await AssertHearsAsync(live.CallerCall, "the customer", [Agent], [Supervisor]);
        await AssertHearsAsync(sam, "the whispering supervisor", [Customer, Agent], []);

        using (var barge = await supervisor.PutAsJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "barge" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, barge.StatusCode);
        }

        await AssertHearsAsync(live.CallerCall, "the customer in a barge", [Supervisor, Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent in a barge", [Supervisor, Customer], []);
        await AssertHearsAsync(sam, "the barging supervisor", [Customer, Agent], []);

        using (var back = await supervisor.PutAsJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "listen" }, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        }

        await AssertHearsAsync(live.CallerCall, "the customer after the switch back to listen", [Agent], [Supervisor]);
        await AssertHearsAsync(live.AgentCall, "the agent after the switch back to listen", [Customer], [Supervisor]);

        using (var leave = await supervisor.DeleteAsync($"/api/v1/calls/{live.CallId}/monitor", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, leave.StatusCode);
        }

        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await AssertHearsAsync(live.CallerCall, "the customer after the supervisor left", [Agent], []);
        await AssertHearsAsync(live.AgentCall, "the agent after the supervisor left", [Customer], []);

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Supervisor"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal(legId, legs[2].GetProperty("id").GetGuid());
        Assert.Equal("supervisor_left", legs[2].GetProperty("releaseCause").GetString());
        Assert.Equal(
            ["call.monitor-started", "call.monitor-mode-changed", "call.monitor-mode-changed", "call.monitor-mode-changed", "call.monitor-ended"],
            reported);
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task ASupervisorsPhoneRegisteredThroughAProxy_IsRungThroughThatProxy_WithItsPathAsTheRoute()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 30400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.191"), rtpBase: 30800);
        await using var proxy = TestPhone.Start("edge", rtpBase: 31200); // stands in for Kamailio
        await SetSupervisorPhoneAsync(factory, "sip:nobody@127.0.0.1:9"); // gives the supervisor an agent profile
        using var admin = await factory.SignInDemoAsync("admin");
        var sipUser = Names.Unique("sam");
        var credential = (await admin.PostJsonAsync("/api/v1/sip-credentials", new
        {
            userId = await admin.IdByAsync("/api/v1/users", "userName", "supervisor"), sipUserName = sipUser, password = "Sam-Sip-Secret-1",
        }, 201)).GetProperty("id").GetGuid();
        await factory.SetDemoAgentPhoneAsync("supervisor", null, credential);
        var path = $"<sip:127.0.0.1:{proxy.Stack.Listeners[0].EndPoint.Port};lr;received=sip:127.0.0.9:5066>";
        var contact = $"sip:{sipUser}@127.0.0.9:5066"; // nothing listens there
        var registered = await SipDigestRegistration.RegisterAsync(factory.SipPort, sipUser, "demo.sip.parley", "Sam-Sip-Secret-1", 300, Ct, contact, $"Path: {path}\r\nSupported: path\r\n");
        Assert.StartsWith("SIP/2.0 200", registered, StringComparison.Ordinal);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        var (sam, _) = await MonitorAsync(supervisor, live.CallId, proxy, "listen");

        Assert.Equal(contact, proxy.LastInvite!.RequestUri.ToString());
        Assert.Equal(path, proxy.LastInvite.Headers.GetValue(Parley.Sip.Messages.SipHeaderKind.Route));
        await AssertHearsAsync(sam, "the supervisor reached through the proxy", [Customer, Agent], []);
        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SipDigestRegistration.RegisterAsync(factory.SipPort, sipUser, "demo.sip.parley", "Sam-Sip-Secret-1", 0, Ct, contact);
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task Intercept_ReleasesTheAgentToWrapUp_AndTheSupervisorAndCustomerTalk_UntilTheCustomerHangsUp()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 46200);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.82"), rtpBase: 46600);
        await using var supervisorPhone = TestPhone.Start("sam", rtpBase: 47000);
        await SetSupervisorPhoneAsync(factory, supervisorPhone.Uri);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var (sam, _) = await MonitorAsync(supervisor, live.CallId, supervisorPhone, "whisper");
        await AssertHearsAsync(live.CallerCall, "the customer while the supervisor whispers", [Agent], [Supervisor]);

        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/intercept", new { }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal("AfterCallWork", await factory.AgentStateAsync("agent2"));
        await AssertHearsAsync(live.CallerCall, "the customer after the intercept", [Supervisor], [Agent]);
        await AssertHearsAsync(sam, "the supervisor after the intercept", [Customer], [Agent]);
        using (var listen = await supervisor.PutAsJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "listen" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, listen.StatusCode); // nobody would talk to the customer
        }

        await live.CallerCall.HangUpAsync();
        await sam.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("Answered", "caller_hangup", "Caller"), (record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        var legs = (await LegsAsync(factory, record)).EnumerateArray().ToList();
        Assert.Equal(["Caller", "Agent", "Supervisor"], legs.Select(l => l.GetProperty("party").GetString()));
        Assert.Equal("intercepted", legs[1].GetProperty("releaseCause").GetString());
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task Release_EndsEveryLeg_OnlyPermittedSupervisorsOfTheTenantMayActOnTheCall_AndBadModesAre400()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 47400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.83"), rtpBase: 47800);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var other = await factory.CreateOtherTenantAsync("monitor-b");
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

        await boss.PostJsonAsync($"/api/v1/calls/{live.CallId}/release", new { }, 404);
        await boss.PostJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "listen" }, 404);
        using var agent3 = await factory.SignInDemoAsync("agent3");
        await agent3.PostJsonAsync($"/api/v1/calls/{live.CallId}/release", new { }, 403);
        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/monitor", new { mode = "shout" }, 400);
        await supervisor.PostJsonAsync($"/api/v1/calls/{Guid.NewGuid()}/release", new { }, 404);
        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/intercept", new { }, 409);
        using var phoneless = await PhonelessListenerAsync();
        var interaction = Assert.Single(await live.Agent.MyWorkAsync()).GetProperty("interactionId").GetGuid();
        foreach (var id in new[] { live.CallId, interaction }) // the supervisor page names the call by its interaction
        {
            var noPhone = await phoneless.PostJsonAsync($"/api/v1/calls/{id}/monitor", new { mode = "listen" }, 409);
            Assert.Contains("no phone", noPhone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.False(live.AgentCall.Ended.IsCompleted, "refused commands leave the call alone");

        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/release", new { }, 204);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("supervisor_release", "Supervisor"), (record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task EachModeNeedsItsOwnPermission_ARoleThatMayOnlyListen_CannotWhisperBargeOrIntercept()
    {
        using var listener = await PhonelessListenerAsync();
        var call = Guid.NewGuid();

        foreach (var (mode, permission) in new[] { ("whisper", Permissions.SuperviseWhisper), ("barge", Permissions.SuperviseBarge) })
        {
            var refused = await listener.PostJsonAsync($"/api/v1/calls/{call}/monitor", new { mode }, 403);
            Assert.Contains(permission, refused.ToString(), StringComparison.Ordinal);
            using var switched = await listener.PutAsJsonAsync($"/api/v1/calls/{call}/monitor", new { mode }, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, switched.StatusCode);
        }

        await listener.PostJsonAsync($"/api/v1/calls/{call}/intercept", new { }, 403);
        await listener.PostJsonAsync($"/api/v1/calls/{call}/monitor", new { mode = "listen" }, 404); // allowed: only the call is unknown
    }

    /// <summary>A new user of the demo tenant who may only listen (<c>calls.monitor</c>, <c>supervise.listen</c>) and has no phone.</summary>
    private async Task<HttpClient> PhonelessListenerAsync()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var role = Names.Unique("listener");
        await admin.CreateRoleAsync(role, Permissions.CallsMonitor, Permissions.SuperviseListen);
        var name = Names.Unique("listener");
        await admin.CreateUserAsync(name, role);
        return await factory.SignInAsync(ParleyAppFactory.DemoTenant, name, HttpClientExtensions.UserPassword);
    }
}
