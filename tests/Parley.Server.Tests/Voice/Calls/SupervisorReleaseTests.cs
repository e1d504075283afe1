using System.Net;
using Parley.Server.Tests.Acd;
using static Parley.Server.Tests.Voice.Calls.LiveCallSetup;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// A supervisor's release over real SIP on loopback ends a live call in any state — in its flow, waiting in a queue,
/// ringing an outside number — with every leg, release cause <c>supervisor_release</c>; another tenant's supervisor and a
/// release of a call already over get 404, as every call command does.
/// </summary>
public sealed class SupervisorReleaseTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallWaitingInTheQueue_IsReleased_AnotherTenantGets404_AndOnceOverTheReleaseIs404LikeEveryCommand()
    {
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.164"), rtpBase: 23600);
        await factory.SignOutOfRoutingAsync("agent2");
        await factory.SignOutOfRoutingAsync("agent3");
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync("Support"), caller.Address.ToString());
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 25, "the caller waits in the queue with music");
        var callId = await OpenCallIdAsync(factory, number);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var other = await factory.CreateOtherTenantAsync("release-waiting");
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

        await boss.PostJsonAsync($"/api/v1/calls/{callId}/release", new { }, 404);
        Assert.False(call.Ended.IsCompleted, "another tenant's release leaves the call alone");
        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/release", new { }, 204);
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("NotAnswered", "supervisor_release", "Supervisor"), (
            record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/release", new { }, 404);
        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/monitor", new { mode = "listen" }, 404);
    }

    [Fact]
    public async Task ACallInItsFlow_IsReleased()
    {
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.165"), rtpBase: 24000);
        using var admin = await factory.SignInDemoAsync("admin");
        var flow = await Parley.Server.Tests.Flows.FlowsApi.CreateFlowAsync(admin, $$"""
            {
              "name": "A long welcome {{Guid.NewGuid():N}}",
              "blocks": [
                { "type": "start", "id": "start", "next": "hello" },
                { "type": "play", "id": "hello", "prompt": { "text": "Welcome to Parley. Please hold on while we look at your account. This will take a little while, and we thank you for your patience. Please hold on." }, "next": "bye" },
                { "type": "hangUp", "id": "bye" }
              ]
            }
            """);
        var flowId = flow.GetProperty("id").GetGuid();
        Assert.Equal(200, (await Parley.Server.Tests.Flows.FlowsApi.PublishAsync(admin, flowId)).Status);
        var number = await factory.DemoNumberAsync("Flow", flowId, caller.Address.ToString());
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        await call.WaitUntilAsync(c => c.LoudFrames > 10, "the caller hears the flow's welcome");
        var callId = await OpenCallIdAsync(factory, number);
        using var supervisor = await factory.SignInDemoAsync("supervisor");

        await supervisor.PostJsonAsync($"/api/v1/calls/{callId}/release", new { }, 204);
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(number);
        Assert.Equal(("NotAnswered", "supervisor_release", "Supervisor"), (
            record.GetProperty("disposition").GetString(), record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
    }

    [Fact]
    public async Task ACallRingingAnOutsideNumber_IsReleased_AndTheNumberStopsRinging()
    {
        await using var outside = TestPhone.Start("+15559990021", rtpBase: 24400);
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 24800);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.166"), rtpBase: 25200);
        outside.AnswerDelay = TimeSpan.FromSeconds(25);
        using var admin = await factory.SignInDemoAsync("admin");
        await OnlyOutboundTrunkAsync(admin, "Carrier out (release while ringing)", "127.0.0.167/32", outside);
        var live = await BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/transfer", new { to = new { number = "+15559990021" } }, 204);
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        for (var i = 0; i < 100 && outside.LastInvite is null; i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.NotNull(outside.LastInvite);
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        await supervisor.PostJsonAsync($"/api/v1/calls/{live.CallId}/release", new { }, 204);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var record = await factory.CallRecordAsync(live.Number);
        Assert.Equal(("supervisor_release", "Supervisor"), (record.GetProperty("releaseCause").GetString(), record.GetProperty("releasedBy").GetString()));
        await SignOutAsync(live.Agent);
    }
}
