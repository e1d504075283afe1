using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Server.Tests.Support;

/// <summary>Phone numbers and trunks: assigned by the platform operator, pointed and configured by the tenant.</summary>
public partial class ParleyAppFactory
{
    private static readonly ConcurrentDictionary<Guid, Guid> OtherNumbers = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherTrunks = new();
    private static readonly ConcurrentDictionary<Guid, Guid> OtherPrompts = new();

    /// <summary>The number assigned to <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid NumberOf(Guid tenantId) => OtherNumbers.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The trunk created for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid TrunkOf(Guid tenantId) => OtherTrunks.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>The uploaded prompt created for <paramref name="tenantId"/> by <see cref="CreateOtherTenantAsync"/>.</summary>
    public static Guid PromptOf(Guid tenantId) => OtherPrompts.TryGetValue(tenantId, out var id) ? id : Guid.Empty;

    /// <summary>A fresh North American test number (+1 555 then 7 random digits).</summary>
    public static string UniqueNumber() => "+1555" + RandomNumberGenerator.GetInt32(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Assigns <paramref name="number"/> to <paramref name="tenantId"/> as the platform operator; returns the number's id.</summary>
    public async Task<Guid> AssignNumberAsync(string number, Guid tenantId)
    {
        using var platform = await SignInOperatorAsync();
        return await AssignNumberAsync(platform, number, tenantId, null);
    }

    public async Task<Guid> DemoTenantIdAsync()
    {
        using var admin = await SignInDemoAsync("admin");
        return (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me")).GetProperty("tenantId").GetGuid();
    }

    /// <summary>
    /// Gives the demo agents desk phones at fixed URIs (nothing answers there), so routing offers them voice without a
    /// registered softphone: for tests of the ACD itself, where the phone is beside the point.
    /// </summary>
    public async Task GiveDemoAgentsDeskPhonesAsync()
    {
        var tenantId = await DemoTenantIdAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var agents = await db.Agents.IgnoreQueryFilters().Where(a => a.TenantId == tenantId && a.PhoneKind != "Uri").ToListAsync();
        foreach (var agent in agents)
        {
            agent.PhoneKind = "Uri";
            agent.PhoneUri = $"sip:{agent.Extension ?? "desk"}@127.0.0.1:9";
            agent.PhoneSipCredentialId = null;
        }

        await db.SaveChangesAsync();
        var grain = Services.GetRequiredService<IGrainFactory>().GetGrain<Parley.Cluster.Routing.ITenantRoutingGrain>(tenantId);
        foreach (var agent in agents)
        {
            await grain.RefreshAgent(agent.Id.ToString());
        }
    }

    private static async Task<Guid> AssignNumberAsync(HttpClient platform, string number, Guid tenantId, string? description) =>
        (await CreatedAsync(await platform.PostAsJsonAsync("/api/v1/platform/numbers", new { number, tenantId, description }))).GetProperty("id").GetGuid();

    private static async Task CreateOtherVoiceObjectsAsync(HttpClient platform, HttpClient admin, Guid tenantId, string canary, Guid queueId)
    {
        OtherNumbers[tenantId] = await AssignNumberAsync(platform, UniqueNumber(), tenantId, canary);
        using var pointed = await admin.PutJsonAsync($"/api/v1/numbers/{OtherNumbers[tenantId]}", new { targetKind = "Queue", targetId = queueId, description = canary }, "\"1\"");
        if (!pointed.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Tenant B could not point its number: {await pointed.Content.ReadAsStringAsync()}");
        }

        var trunk = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/trunks", new
        {
            name = $"Trunk {canary}",
            allowedAddresses = new[] { "192.0.2.0/24" },
            inboundUserName = $"in-{canary}",
            inboundPassword = "Trunk-Inbound-2026",
        }));
        OtherTrunks[tenantId] = trunk.GetProperty("id").GetGuid();
        OtherPrompts[tenantId] = (await Prompts.PromptAudio.CreatePromptAsync(admin, $"Prompt {canary}")).GetProperty("id").GetGuid();
    }
}
