using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Domain.Security;
using Parley.Server.Application.Supervision;
using Parley.Server.Auth;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Voice.Calls;

namespace Parley.Server.Tests.Application.Supervision;

/// <summary>
/// The supervisor dashboard with real calls over SIP and RTP on loopback: a call on hold is pushed as on hold (and its resume
/// too) by the live feed, and a call an agent places is not an offered contact, on the dashboard as in the reports.
/// </summary>
public sealed class SupervisorCallTests(VoiceCallAppFactory factory) : IClassFixture<VoiceCallAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_put_on_hold_is_pushed_to_the_dashboard_as_on_hold_and_its_resume_too()
    {
        await using var agentPhone = TestPhone.Start("desk2", rtpBase: 29400);
        await using var caller = TestPhone.Start("caller", IPAddress.Parse("127.0.0.171"), rtpBase: 29800);
        var live = await LiveCallSetup.BridgeAsync(factory, agentPhone, caller, "agent2", "Support");
        var pushed = new ConcurrentQueue<DashboardView>();
        var arrived = new SemaphoreSlim(0);
        var supervisor = new CurrentActor(await factory.DemoTenantIdAsync(), ParleyClaims.ActorUser, "test", "Test Supervisor", new HashSet<string> { Permissions.RealtimeRead });
        using var watch = factory.Services.GetRequiredService<SupervisorFeed>().Watch(supervisor, view =>
        {
            pushed.Enqueue(view);
            arrived.Release();
            return Task.CompletedTask;
        }).Value!;

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 204);

        // Pushed by the feed on the call's own event: nothing asked for a view.
        var held = Bob(await PushedAsync(pushed, arrived, v => Bob(v).OnHoldFor is not null));
        var call = held.Interactions.Single(i => i.Channel == "Voice");
        Assert.Equal(("Connected", "Support"), (call.Status, call.QueueName));
        Assert.InRange(call.OnHoldFor!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        using (var reader = await factory.SignInDemoAsync("supervisor"))
        {
            var row = (await reader.JsonAsync("/api/v1/realtime/dashboard")).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Bob Agent");
            Assert.Equal(JsonValueKind.String, row.GetProperty("onHoldFor").ValueKind);
        }

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/resume", new { }, 204);
        var resumed = Bob(await PushedAsync(pushed, arrived, v => Bob(v).OnHoldFor is null));
        Assert.Equal("Connected", resumed.Interactions.Single(i => i.Channel == "Voice").Status);

        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 204);
        await live.CallerCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SignOutAsync(live.Agent);
    }

    [Fact]
    public async Task A_call_an_agent_places_is_not_offered_on_the_dashboard_nor_in_the_reports()
    {
        await using var agentPhone = TestPhone.Start("desk3", rtpBase: 33600);
        await using var customer = TestPhone.Start("+15559990171", IPAddress.Parse("127.0.0.172"), rtpBase: 30000);
        using var admin = await factory.SignInDemoAsync("admin");
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        var queue = (await admin.PostJsonAsync("/api/v1/queues", new { name = "Dial out", channels = new[] { "Voice" } }, 201)).GetProperty("id").GetGuid();
        // Carol places it (Bob takes the other test's call), so neither test waits on the other's agent.
        var live = await LiveCallSetup.PlaceAsync(factory, agentPhone, customer, "agent3", "Dial out");

        var dashboard = await supervisor.JsonAsync("/api/v1/realtime/dashboard");
        var row = dashboard.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Dial out");
        Assert.Equal((0, 0, JsonValueKind.Null), (row.GetProperty("offered").GetInt32(), row.GetProperty("answered").GetInt32(), row.GetProperty("serviceLevel").ValueKind));
        var carol = dashboard.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Carol Agent");
        Assert.Contains(carol.GetProperty("interactions").EnumerateArray(), i => i.GetProperty("queueName").GetString() == "Dial out" && i.GetProperty("status").GetString() == "Connected");

        await live.CallerCall.HangUpAsync();
        await live.AgentCall.Ended.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var report = await supervisor.JsonAsync(
            $"/api/v1/reports/queue?from={today.AddDays(-1):yyyy-MM-dd}T00:00:00Z&to={today.AddDays(1):yyyy-MM-dd}T00:00:00Z&interval=total&queue={queue}");
        Assert.Equal(0, report.GetProperty("total").GetProperty("offered").GetInt32());
        var after = (await supervisor.JsonAsync("/api/v1/realtime/dashboard")).GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Dial out");
        Assert.Equal(0, after.GetProperty("offered").GetInt32());
        await SignOutAsync(live.Agent);
    }

    private static AgentRow Bob(DashboardView view) => view.Agents.Single(a => a.Name == "Bob Agent");

    private static async Task<DashboardView> PushedAsync(ConcurrentQueue<DashboardView> pushed, SemaphoreSlim arrived, Func<DashboardView, bool> wanted)
    {
        while (true)
        {
            Assert.True(await arrived.WaitAsync(Wait, Ct), "no view pushed with the change");
            if (pushed.Last() is var view && wanted(view))
            {
                return view;
            }
        }
    }

    private static async Task SignOutAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        foreach (var owed in items.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2"))
        {
            using var done = await agent.PostAsync($"/api/v1/interactions/{owed.GetProperty("interactionId").GetGuid()}/wrap-up",
                System.Net.Http.Json.JsonContent.Create(new { code = "resolved" }), Ct);
        }

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }
}
