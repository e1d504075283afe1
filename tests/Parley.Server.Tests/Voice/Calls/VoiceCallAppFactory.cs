using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Voice.Calls;

/// <summary>The demo server on the real clock (calls ring, wait and time out for real), with helpers to wire phones to numbers.</summary>
public class VoiceCallAppFactory : AcdAppFactory
{
    protected override TimeProvider Clock => TimeProvider.System;

    /// <summary>What the server logged (call progress is asserted on it when the phones cannot tell).</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
    }

    public int SipPort => Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    /// <summary>Points the demo agent's phone at <paramref name="uri"/> (a desk phone) and reloads them in routing.</summary>
    public async Task SetDemoAgentPhoneAsync(string userName, string? uri, Guid? sipCredentialId = null)
    {
        var tenantId = await DemoTenantIdAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var userId = await db.Users.IgnoreQueryFilters().Where(u => u.TenantId == tenantId && u.UserName == userName).Select(u => u.Id).SingleAsync();
        var agent = await db.Agents.IgnoreQueryFilters().SingleAsync(a => a.TenantId == tenantId && a.UserId == userId);
        agent.PhoneKind = uri is not null ? "Uri" : sipCredentialId is not null ? "Registered" : "None";
        agent.PhoneUri = uri;
        agent.PhoneSipCredentialId = sipCredentialId;
        await db.SaveChangesAsync();
        await Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId).RefreshAgent(agent.Id.ToString());
    }

    /// <summary>A new number of the demo tenant pointed at <paramref name="targetKind"/>/<paramref name="targetId"/>, reachable from a trunk at <paramref name="trunkAddress"/>.</summary>
    public async Task<string> DemoNumberAsync(string targetKind, Guid targetId, string trunkAddress)
    {
        var number = UniqueNumber();
        var numberId = await AssignNumberAsync(number, await DemoTenantIdAsync());
        using var admin = await SignInDemoAsync("admin");
        using var pointed = await admin.PutJsonAsync($"/api/v1/numbers/{numberId}", new { targetKind, targetId }, "\"1\"");
        pointed.EnsureSuccessStatusCode();
        await admin.PostJsonAsync("/api/v1/trunks", new { name = $"Carrier {number}", allowedAddresses = new[] { trunkAddress + "/32" } }, 201);
        Services.GetRequiredService<Parley.Server.Voice.NumberDirectory>().Invalidate();
        return number;
    }

    public async Task<Guid> QueueIdAsync(string name)
    {
        using var api = await this.ApiClientAsync();
        return await api.IdByAsync("/api/v1/queues", "name", name);
    }

    /// <summary>Signs the demo agent out of routing, so that a test's call waits in its queue until the test signs them in.</summary>
    public async Task SignOutOfRoutingAsync(string userName)
    {
        using var agent = await SignInToRoutingAsync(userName);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
    }

    /// <summary>Signs the demo agent in to routing afresh (out first if a previous test left them in), available.</summary>
    public async Task<HttpClient> SignInToRoutingAsync(string userName)
    {
        var agent = await SignInDemoAsync(userName);
        var answer = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/agents/me/interactions");
        var work = answer.ValueKind == System.Text.Json.JsonValueKind.Array ? answer : answer.GetProperty("items");
        foreach (var owed in work.EnumerateArray().Where(w => w.GetProperty("status").ToString() is "WrapUp" or "2"))
        {
            // A previous test's call left this agent in wrap-up.
            using var done = await agent.PostAsJsonAsync($"/api/v1/interactions/{owed.GetProperty("interactionId").GetGuid()}/wrap-up", new { code = "resolved" });
        }

        using var _ = await agent.PostAsJsonAsync("/api/v1/agents/me/sign-out", new { forced = false });
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        return agent;
    }

    /// <summary>The newest call record to <paramref name="calledNumber"/> once it is closed (and matches <paramref name="until"/>).</summary>
    public async Task<System.Text.Json.JsonElement> CallRecordAsync(string calledNumber, Func<System.Text.Json.JsonElement, bool>? until = null)
    {
        using var admin = await SignInDemoAsync("admin");
        for (var attempt = 0; ; attempt++)
        {
            var page = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/calls?calledNumber={Uri.EscapeDataString(calledNumber)}&limit=1");
            var items = page.GetProperty("items");
            if (items.GetArrayLength() == 1 && items[0].GetProperty("endedAt").ValueKind == System.Text.Json.JsonValueKind.String && (until?.Invoke(items[0]) ?? true))
            {
                return items[0];
            }

            if (attempt == 100)
            {
                throw new TimeoutException($"No closed call record to {calledNumber}: {page}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The agent's state once it is <paramref name="awaited"/>, or whatever it is after 5 s: the call's end reaches routing
    /// a moment after the phone sees its BYE.
    /// </summary>
    public async Task<string> AgentStateAsync(string userName, string awaited)
    {
        var state = await AgentStateAsync(userName);
        for (var i = 0; i < 50 && state != awaited; i++)
        {
            await Task.Delay(100);
            state = await AgentStateAsync(userName);
        }

        return state;
    }

    public async Task<string> AgentStateAsync(string userName)
    {
        using var agent = await SignInDemoAsync(userName);
        return (await agent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/agents/me")).GetProperty("state").GetProperty("state").GetString()!;
    }
}
