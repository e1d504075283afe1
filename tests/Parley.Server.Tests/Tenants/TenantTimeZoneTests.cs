using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Tenants;

/// <summary>
/// The tenant's time zone: set by the platform operator or the tenant's own admin, validated, isolated per tenant,
/// and used by routing to say which local day "today" statistics are for.
/// </summary>
public sealed class TenantTimeZoneTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string Settings = "/api/v1/tenant/settings";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_CreatesWithAZone_ReadsIt_AndUpdatesIt()
    {
        using var platform = await factory.SignInOperatorAsync();
        var slug = "tz-" + Guid.NewGuid().ToString("N")[..10];
        using var create = await platform.PostAsJsonAsync("/api/v1/platform/tenants", new
        {
            slug,
            name = "Shanghai Co",
            adminUserName = "boss",
            adminPassword = ParleyAppFactory.OtherAdminPassword,
            timeZone = "Asia/Shanghai",
        }, Ct);
        var created = await (await create.ExpectAsync(201)).ReadJsonAsync();
        Assert.Equal("Asia/Shanghai", created.GetProperty("timeZone").GetString());
        var id = created.GetProperty("id").GetGuid();

        using var read = await (await platform.GetAsync($"/api/v1/platform/tenants/{id}", Ct)).ExpectAsync(200);
        Assert.Equal("Asia/Shanghai", (await read.ReadJsonAsync()).GetProperty("timeZone").GetString());
        var etag = read.Headers.ETag!.Tag;

        using var update = await platform.PutJsonAsync($"/api/v1/platform/tenants/{id}", new { name = "Shanghai Co.", timeZone = "America/New_York" }, etag);
        var updated = await (await update.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(("America/New_York", "Shanghai Co."), (updated.GetProperty("timeZone").GetString(), updated.GetProperty("name").GetString()));
        Assert.NotEqual(etag, update.Headers.ETag!.Tag);

        using var stale = await platform.PutJsonAsync($"/api/v1/platform/tenants/{id}", new { name = "X", timeZone = "UTC" }, etag);
        await stale.ExpectAsync(412);
    }

    [Fact]
    public async Task Operator_CreatingWithoutAZone_GetsUtc()
    {
        var tenant = await factory.CreateOtherTenantAsync("tz-default");
        using var platform = await factory.SignInOperatorAsync();
        var read = await platform.GetJsonAsync($"/api/v1/platform/tenants/{tenant.TenantId}");
        Assert.Equal("UTC", read.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public async Task UnknownZone_IsA400Problem_OnCreateUpdateAndSettings(string zone)
    {
        using var platform = await factory.SignInOperatorAsync();
        using var create = await platform.PostAsJsonAsync("/api/v1/platform/tenants", new
        {
            slug = "tz-bad-" + Guid.NewGuid().ToString("N")[..8],
            name = "Bad zone",
            adminUserName = "boss",
            adminPassword = ParleyAppFactory.OtherAdminPassword,
            timeZone = zone,
        }, Ct);
        await AssertZoneProblemAsync(create);

        var tenant = await factory.CreateOtherTenantAsync("tz-bad");
        using var update = await platform.PutJsonAsync($"/api/v1/platform/tenants/{tenant.TenantId}", new { name = "B", timeZone = zone }, "*");
        await AssertZoneProblemAsync(update);

        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var settings = await admin.PutJsonAsync(Settings, new { timeZone = zone }, "*");
        await AssertZoneProblemAsync(settings);
        Assert.Equal("UTC", (await admin.GetJsonAsync(Settings)).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task TenantAdmin_ChangesOwnZone_WithIfMatch_AndRealtimeSaysWhichLocalDay()
    {
        var tenant = await factory.CreateOtherTenantAsync("tz-own");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using var read = await (await admin.GetAsync(Settings, Ct)).ExpectAsync(200);
        var before = await read.ReadJsonAsync();
        Assert.Equal(("UTC", tenant.Slug), (before.GetProperty("timeZone").GetString(), before.GetProperty("slug").GetString()));

        using var missing = await admin.PutJsonAsync(Settings, new { timeZone = "Asia/Shanghai" }, ifMatch: null);
        await missing.ExpectAsync(428);

        using var changed = await admin.PutJsonAsync(Settings, new { timeZone = "Asia/Shanghai" }, read.Headers.ETag!.Tag);
        Assert.Equal("Asia/Shanghai", (await (await changed.ExpectAsync(200)).ReadJsonAsync()).GetProperty("timeZone").GetString());

        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var expected = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Time.GetUtcNow(), shanghai).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var queues = (await admin.GetJsonAsync("/api/v1/realtime/queues")).GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(queues);
        foreach (var queue in queues)
        {
            var metrics = queue.GetProperty("metrics");
            Assert.Equal(("Asia/Shanghai", expected), (metrics.GetProperty("timeZone").GetString(), metrics.GetProperty("day").GetString()));
            Assert.Equal(JsonValueKind.Number, metrics.GetProperty("abandonedToday").ValueKind);
        }
    }

    [Fact]
    public async Task OneTenantsAdmin_CannotChangeAnotherTenantsZone()
    {
        var tenantA = await factory.CreateOtherTenantAsync("tz-a");
        var tenantB = await factory.CreateOtherTenantAsync("tz-b");
        using var adminA = await factory.SignInAsync(tenantA.Slug, tenantA.AdminUserName, tenantA.AdminPassword);
        using var adminB = await factory.SignInAsync(tenantB.Slug, tenantB.AdminUserName, tenantB.AdminPassword);

        using var own = await adminB.PutJsonAsync(Settings, new { timeZone = "Asia/Shanghai" }, "*");
        await own.ExpectAsync(200);
        using var platformRoute = await adminB.PutJsonAsync($"/api/v1/platform/tenants/{tenantA.TenantId}", new { name = "Taken", timeZone = "Asia/Shanghai" }, "*");
        await platformRoute.ExpectAsync(403);

        Assert.Equal("UTC", (await adminA.GetJsonAsync(Settings)).GetProperty("timeZone").GetString());
        Assert.Equal("Asia/Shanghai", (await adminB.GetJsonAsync(Settings)).GetProperty("timeZone").GetString());
        using var platform = await factory.SignInOperatorAsync();
        var a = await platform.GetJsonAsync($"/api/v1/platform/tenants/{tenantA.TenantId}");
        Assert.Equal(("UTC", $"Tenant {tenantA.Canary}"), (a.GetProperty("timeZone").GetString(), a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Supervisor_CanReadButNotChangeTheZone()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        await supervisor.GetJsonAsync(Settings);
        using var put = await supervisor.PutJsonAsync(Settings, new { timeZone = "Asia/Shanghai" }, "*");
        await put.ExpectAsync(403);
    }

    private static async Task AssertZoneProblemAsync(HttpResponseMessage response)
    {
        await response.ExpectAsync(400);
        Assert.Equal("application/problem+json", response.ContentType());
        var fields = (await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.Contains(fields, f => f.Equals("timeZone", StringComparison.OrdinalIgnoreCase));
    }
}
