using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>
/// Calls for the supervision and conference tests: a caller bridged with an agent's phone, or a call an agent placed to a
/// number, tones playing both ways (customer 440 Hz, agent 1 kHz), and the supervisor's phone set on an agent profile of
/// the demo supervisor.
/// </summary>
internal static class LiveCallSetup
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<LiveCall> BridgeAsync(VoiceCallAppFactory factory, TestPhone agentPhone, TestPhone caller, string agentUser, string queue)
    {
        await factory.SetDemoAgentPhoneAsync(agentUser, agentPhone.Uri);
        var number = await factory.DemoNumberAsync("Queue", await factory.QueueIdAsync(queue), caller.Address.ToString());
        var agent = await factory.SignInToRoutingAsync(agentUser);
        var call = await caller.CallAsync($"sip:{number}@127.0.0.1:{factory.SipPort}", Ct);
        var ringing = await agentPhone.NextIncomingAsync();
        call.PlayTone(440);
        ringing.PlayTone(1000);
        await ringing.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the caller's 440 Hz");
        await call.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the caller hears the agent's 1 kHz");
        return new LiveCall(agent, call, ringing, number, await OpenCallIdAsync(factory, number));
    }

    /// <summary>
    /// A call <paramref name="agentUser"/> places (<c>POST /api/v1/calls</c>, queue <paramref name="queue"/>) to
    /// <paramref name="customer"/>'s number through the tenant's only outbound trunk, answered on both sides and talking:
    /// the customer plays 440 Hz, the agent 1 kHz. <see cref="LiveCall.CallerCall"/> is the customer's side.
    /// </summary>
    public static async Task<LiveCall> PlaceAsync(VoiceCallAppFactory factory, TestPhone agentPhone, TestPhone customer, string agentUser, string queue)
    {
        using (var admin = await factory.SignInDemoAsync("admin"))
        {
            await CarrierTrunks.OnlyOutboundTrunkAsync(admin, customer);
        }

        await factory.SetDemoAgentPhoneAsync(agentUser, agentPhone.Uri);
        var agent = await factory.SignInToRoutingAsync(agentUser);
        var started = await agent.PostJsonAsync("/api/v1/calls", new { to = customer.User, queueId = await factory.QueueIdAsync(queue) }, 202);
        var mine = await agentPhone.NextIncomingAsync();
        var far = await customer.NextIncomingAsync();
        far.PlayTone(440);
        mine.PlayTone(1000);
        await mine.WaitUntilAsync(c => c.FramesOf(440) > 25, "the agent hears the customer's 440 Hz");
        await far.WaitUntilAsync(c => c.FramesOf(1000) > 25, "the customer hears the agent's 1 kHz");
        return new LiveCall(agent, far, mine, customer.User, started.GetProperty("callId").GetGuid());
    }

    public static async Task<Guid> OpenCallIdAsync(VoiceCallAppFactory factory, string number)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var page = await admin.JsonAsync($"/api/v1/calls?calledNumber={Uri.EscapeDataString(number)}&limit=1");
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>Gives the demo supervisor an agent profile whose phone is <paramref name="uri"/> (not signed in to routing, so never offered work).</summary>
    public static async Task SetSupervisorPhoneAsync(VoiceCallAppFactory factory, string uri)
    {
        var tenantId = await factory.DemoTenantIdAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Parley.Data.Tenancy.TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var userId = await db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync(Ct);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.UserId == userId, Ct);
        if (agent is null)
        {
            agent = new Parley.Data.Entities.Acd.Agent { Id = Guid.CreateVersion7(), TenantId = tenantId, UserId = userId, DisplayName = "Sam Supervisor", CreatedAt = DateTimeOffset.UnixEpoch };
            db.Agents.Add(agent);
        }

        agent.PhoneKind = "Uri";
        agent.PhoneUri = uri;
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Asks to monitor and answers the supervisor's phone, which then plays 1.7 kHz; returns the call and the leg id.</summary>
    public static async Task<(PhoneCall Phone, Guid LegId)> MonitorAsync(HttpClient supervisor, Guid callId, TestPhone supervisorPhone, string mode)
    {
        var joined = supervisor.PostJsonAsync($"/api/v1/calls/{callId}/monitor", new { mode }, 200);
        var phone = await supervisorPhone.NextIncomingAsync();
        phone.PlayTone(1700);
        var body = await joined;
        Assert.Equal(mode, body.GetProperty("mode").GetString());
        return (phone, body.GetProperty("legId").GetGuid());
    }

    /// <summary>
    /// <paramref name="listener"/> hears <paramref name="heard"/> (at least 25 more frames) and, over the next 50 frames of
    /// it, none of <paramref name="notHeard"/> (at most 3 frames: what was already on the way).
    /// </summary>
    public static async Task AssertHearsAsync(PhoneCall listener, string who, double[] heard, double[] notHeard)
    {
        foreach (var hz in heard)
        {
            var before = listener.FramesWith(hz);
            await listener.WaitUntilAsync(c => c.FramesWith(hz) > before + 25, $"{who} hears {hz} Hz");
        }

        var was = notHeard.Select(listener.FramesWith).ToArray();
        var clock = listener.FramesWith(heard[0]);
        await listener.WaitUntilAsync(c => c.FramesWith(heard[0]) > clock + 50, $"{who} hears 50 more frames of {heard[0]} Hz");
        for (var i = 0; i < notHeard.Length; i++)
        {
            Assert.True(listener.FramesWith(notHeard[i]) - was[i] <= 3, $"{who} must not hear {notHeard[i]} Hz but heard {listener.FramesWith(notHeard[i]) - was[i]} frames of it");
        }
    }

    public static async Task<JsonElement> LegsAsync(VoiceCallAppFactory factory, JsonElement record)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        return (await admin.JsonAsync($"/api/v1/calls/{record.GetProperty("id").GetGuid()}")).GetProperty("legs");
    }

    /// <summary>
    /// After a completed consult transfer the colleague is the call's agent: they (1.7 kHz) hold and resume it (the customer hears
    /// music, then them again), and the agent (1 kHz) who handed the call over no longer finds it.
    /// </summary>
    public static async Task AssertTheColleagueControlsTheCallAsync(LiveCall live, HttpClient colleagueAgent, PhoneCall colleague)
    {
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 404);
        await live.Agent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hangup", new { }, 404);
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{live.CallId}/hold", new { }, 204);
        var heard = live.CallerCall.FramesOf(1700);
        var loud = live.CallerCall.LoudFrames;
        await live.CallerCall.WaitUntilAsync(c => c.LoudFrames > loud + 50, "the customer on hold with the colleague hears music");
        // What the colleague said just before the hold may still be on its way: at most the leg's send buffer (200 ms, 10
        // frames); their voice itself no longer reaches the customer (50 frames of music later).
        Assert.InRange(live.CallerCall.FramesOf(1700) - heard, 0, 10);
        await colleagueAgent.PostJsonAsync($"/api/v1/calls/{live.CallId}/resume", new { }, 204);
        await AssertHearsAsync(live.CallerCall, "the customer after the colleague resumed", [1700], [1000]);
        await AssertHearsAsync(colleague, "the colleague after resuming", [440], [1000]);
    }

    /// <summary>Completes the agent's wrap-up (if any) and signs them out of routing.</summary>
    public static async Task SignOutAsync(HttpClient agent)
    {
        var work = await agent.JsonAsync("/api/v1/agents/me/interactions");
        var items = work.ValueKind == JsonValueKind.Array ? work : work.GetProperty("items");
        foreach (var owed in items.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2"))
        {
            using var done = await agent.PostAsync($"/api/v1/interactions/{owed.GetProperty("interactionId").GetGuid()}/wrap-up", System.Net.Http.Json.JsonContent.Create(new { code = "resolved" }), Ct);
        }

        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        agent.Dispose();
    }

    public static async Task<Guid> AgentIdAsync(VoiceCallAppFactory factory, string userName)
    {
        var tenantId = await factory.DemoTenantIdAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var userId = await db.Users.IgnoreQueryFilters().Where(u => u.TenantId == tenantId && u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return await db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenantId && a.UserId == userId).Select(a => a.Id).SingleAsync(Ct);
    }

    /// <summary>Outbound calls go through the tenant's oldest trunk with a host: other tests' trunks go first.</summary>
    public static async Task OnlyOutboundTrunkAsync(HttpClient admin, string name, string address, TestPhone carrier)
    {
        var trunks = await admin.JsonAsync("/api/v1/trunks?limit=200");
        var items = trunks.ValueKind == JsonValueKind.Array ? trunks : trunks.GetProperty("items");
        foreach (var trunk in items.EnumerateArray().Where(t => t.TryGetProperty("outboundHost", out var host) && host.ValueKind == JsonValueKind.String))
        {
            using var deleted = await admin.DeleteAsync($"/api/v1/trunks/{trunk.GetProperty("id").GetGuid()}", Ct);
        }

        await admin.PostJsonAsync("/api/v1/trunks", new { name, allowedAddresses = new[] { address }, outboundHost = "127.0.0.1", outboundPort = carrier.Stack.Listeners[0].EndPoint.Port }, 201);
    }

    internal sealed record LiveCall(HttpClient Agent, PhoneCall CallerCall, PhoneCall AgentCall, string Number, Guid CallId);
}
