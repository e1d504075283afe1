using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>The platform operator's tenant lifecycle, seen from inside the tenant: suspended means locked out, deleted means gone.</summary>
public sealed class TenantLifecycleTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedTenant_IsActive_AndListedForTheOperator()
    {
        var tenant = await factory.CreateOtherTenantAsync("listed");
        using var platform = await factory.SignInOperatorAsync();
        var read = await platform.GetJsonAsync($"/api/v1/platform/tenants/{tenant.TenantId}");
        Assert.Equal("Active", read.GetProperty("status").GetString());
        Assert.Equal(tenant.Slug, read.GetProperty("slug").GetString());
        var listed = (await platform.GetJsonAsync("/api/v1/platform/tenants?limit=200")).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("slug").GetString()).ToArray();
        Assert.Contains(tenant.Slug, listed);
        Assert.Contains(ParleyAppFactory.DemoTenant, listed);
    }

    [Theory]
    [InlineData("platform", 400)]
    [InlineData("demo", 409)]
    [InlineData("Not A Slug", 400)]
    public async Task CreatingATenant_WithAReservedTakenOrInvalidSlug_IsRefused(string slug, int status)
    {
        using var platform = await factory.SignInOperatorAsync();
        using var response = await platform.PostAsJsonAsync(
            "/api/v1/platform/tenants", new { slug, name = "X", adminUserName = "boss", adminPassword = ParleyAppFactory.OtherAdminPassword }, Ct);
        await response.ExpectAsync(status);
    }

    [Fact]
    public async Task CreatingATenant_WhoseAdministratorIdentityRefuses_KeepsNoTenantAndNoOrphanRoles()
    {
        var slug = Names.Unique("half");
        using var platform = await factory.SignInOperatorAsync();
        using var response = await platform.PostAsJsonAsync(
            "/api/v1/platform/tenants", new { slug, name = "Half", adminUserName = "boss", adminPassword = "weak" }, Ct);

        await response.ExpectAsync(400);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        Assert.False(await factory.WithDatabaseAsync(db => db.Tenants.AnyAsync(t => t.Slug == slug, Ct)));
        Assert.Equal(0, await factory.WithDatabaseAsync(db => db.Roles.IgnoreQueryFilters().CountAsync(r => !db.Tenants.Any(t => t.Id == r.TenantId), Ct)));
    }

    [Fact]
    public async Task SuspendedTenant_IsLockedOut_UntilResumed()
    {
        var tenant = await factory.CreateOtherTenantAsync("suspended");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var api = factory.CreateBearerClient(await factory.GetTokenAsync(tenant.ClientId, tenant.ClientSecret));
        using var platform = await factory.SignInOperatorAsync();

        using (var suspend = await platform.PostAsync($"/api/v1/platform/tenants/{tenant.TenantId}/suspend", null, Ct))
        {
            await suspend.ExpectAsync(200);
            Assert.Equal("Suspended", (await suspend.ReadJsonAsync()).GetProperty("status").GetString());
        }

        await (await admin.GetAsync("/api/v1/users", Ct)).ExpectAsync(403);
        await (await api.GetAsync("/api/v1/users", Ct)).ExpectAsync(403);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword));
        using (var token = await factory.RequestTokenAsync(tenant.ClientId, tenant.ClientSecret))
        {
            Assert.True((int)token.StatusCode is 400 or 401, $"a suspended tenant's client got a token: {(int)token.StatusCode}");
        }

        await (await platform.PostAsync($"/api/v1/platform/tenants/{tenant.TenantId}/resume", null, Ct)).ExpectAsync(200);
        await admin.GetJsonAsync("/api/v1/users");
        await api.GetJsonAsync("/api/v1/users");
        using var again = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        await factory.GetTokenAsync(tenant.ClientId, tenant.ClientSecret);
    }

    [Fact]
    public async Task DeletedTenant_IsErased_AndItsCredentialsAreWorthless()
    {
        var tenant = await factory.CreateOtherTenantAsync("deleted");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var api = factory.CreateBearerClient(await factory.GetTokenAsync(tenant.ClientId, tenant.ClientSecret));
        Assert.True(await CountRowsAsync(tenant.TenantId) > 0);
        using var platform = await factory.SignInOperatorAsync();

        await (await platform.DeleteAsync($"/api/v1/platform/tenants/{tenant.TenantId}", Ct)).ExpectAsync(204);

        Assert.Equal(0, await CountRowsAsync(tenant.TenantId));
        Assert.False(await factory.WithDatabaseAsync(db => db.Tenants.AnyAsync(t => t.Id == tenant.TenantId, Ct)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(tenant.ClientId, Ct));
        }

        await (await platform.GetAsync($"/api/v1/platform/tenants/{tenant.TenantId}", Ct)).ExpectAsync(404);
        await (await admin.GetAsync("/api/v1/me", Ct)).ExpectAsync(401);
        await (await api.GetAsync("/api/v1/me", Ct)).ExpectAsync(401);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword));
        using var token = await factory.RequestTokenAsync(tenant.ClientId, tenant.ClientSecret);
        Assert.True((int)token.StatusCode is 400 or 401, $"a deleted tenant's client got a token: {(int)token.StatusCode}");

        // Other tenants are untouched.
        using var demo = await factory.SignInDemoAsync("admin");
        Assert.True((await demo.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task PlatformTenant_CannotBeSuspendedOrDeleted()
    {
        using var platform = await factory.SignInOperatorAsync();
        var tenants = (await platform.GetJsonAsync("/api/v1/platform/tenants?limit=200")).GetProperty("items").EnumerateArray();
        var id = tenants.Single(t => t.GetProperty("slug").GetString() == ParleyAppFactory.PlatformTenant).GetProperty("id").GetGuid();
        await (await platform.PostAsync($"/api/v1/platform/tenants/{id}/suspend", null, Ct)).ExpectAsync(404);
        await (await platform.DeleteAsync($"/api/v1/platform/tenants/{id}", Ct)).ExpectAsync(404);
        await platform.GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task TenantAdmin_CannotManageTenants()
    {
        var tenant = await factory.CreateOtherTenantAsync("ambitious");
        using var admin = await factory.SignInDemoAsync("admin");
        await (await admin.GetAsync("/api/v1/platform/tenants", Ct)).ExpectAsync(403);
        await (await admin.PostAsync($"/api/v1/platform/tenants/{tenant.TenantId}/suspend", null, Ct)).ExpectAsync(403);
        await (await admin.DeleteAsync($"/api/v1/platform/tenants/{tenant.TenantId}", Ct)).ExpectAsync(403);
    }

    /// <summary>Rows of every tenant-owned table that still carry the tenant's id.</summary>
    private Task<int> CountRowsAsync(Guid tenantId) => factory.WithDatabaseAsync(async db =>
        await db.Users.IgnoreQueryFilters().CountAsync(u => u.TenantId == tenantId, Ct)
        + await db.Roles.IgnoreQueryFilters().CountAsync(r => r.TenantId == tenantId, Ct)
        + await db.ApiClients.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenantId, Ct)
        + await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.TenantId == tenantId, Ct));
}
