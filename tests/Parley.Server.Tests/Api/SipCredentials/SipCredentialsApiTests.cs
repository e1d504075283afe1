using System.Net.Http.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.SipCredentials;

/// <summary><c>/api/v1/sip-credentials</c>: write-only passwords, per-tenant user names, ETags, tenant isolation.</summary>
public sealed class SipCredentialsApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ReturnsTheCredentialInTheTenantRealm_WithoutPasswordOrHashes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("desk"), "agent");

        using var response = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = user.GetProperty("id").GetGuid(), sipUserName = Names.Unique("desk"), password = "Desk-Phone-2026" }, Ct);

        await response.ExpectAsync(201);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"realm\":\"demo.sip.parley\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Desk-Phone-2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ha1", text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task DemoAgents_HaveSeededCredentials()
    {
        using var admin = await factory.SignInDemoAsync("admin");

        var page = await admin.GetJsonAsync("/api/v1/sip-credentials?limit=100");

        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sipUserName").GetString()).ToList();
        Assert.Contains("agent1", names);
        Assert.Contains("agent2", names);
        Assert.Contains("agent3", names);
    }

    [Fact]
    public async Task DuplicateSipUserName_IsAConflict()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("dup"), "agent");

        using var response = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = user.GetProperty("id").GetGuid(), sipUserName = "agent1", password = "Another-Phone-2026" }, Ct);

        await response.ExpectAsync(409);
    }

    [Fact]
    public async Task UpdateWithAStaleETag_IsRefused_AndDeleteRemovesIt()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("upd"), "agent");
        var name = Names.Unique("upd");
        using var created = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = user.GetProperty("id").GetGuid(), sipUserName = name, password = "First-Phone-2026" }, Ct);
        await created.ExpectAsync(201);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var body = new { userId = user.GetProperty("id").GetGuid(), sipUserName = name, password = "Second-Phone-2026" };

        using var stale = await admin.PutJsonAsync($"/api/v1/sip-credentials/{id}", body, "\"999\"");
        using var fresh = await admin.PutJsonAsync($"/api/v1/sip-credentials/{id}", body, created.Headers.ETag!.Tag);
        using var deleted = await admin.DeleteAsync($"/api/v1/sip-credentials/{id}", Ct);
        using var gone = await admin.GetAsync($"/api/v1/sip-credentials/{id}", Ct);

        await stale.ExpectAsync(412);
        await fresh.ExpectAsync(200);
        await deleted.ExpectAsync(204);
        await gone.ExpectAsync(404);
    }

    [Fact]
    public async Task AnotherTenantsCredential_IsNotFound_AndNotListed()
    {
        var other = await factory.CreateOtherTenantAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        var id = ParleyAppFactory.SipCredentialOf(other.TenantId);

        using var get = await admin.GetAsync($"/api/v1/sip-credentials/{id}", Ct);
        var list = await admin.GetAsync("/api/v1/sip-credentials?limit=100", Ct);

        await get.ExpectAsync(404);
        Assert.DoesNotContain(other.Canary, await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_CannotManageSipCredentials()
    {
        using var agent = await factory.SignInDemoAsync("agent1");

        using var response = await agent.GetAsync("/api/v1/sip-credentials", Ct);

        await response.ExpectAsync(403);
    }
}
