using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Domain.Security;
using Parley.Server.Audit;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Audit;

/// <summary>The audit log: what it records, how it is searched, and that tampering with it shows.</summary>
public sealed class AuditTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWrite_IsRecordedWithActorActionTargetSummarySourceAndOutcome()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("audited");
        var user = await admin.CreateUserAsync(userName, BuiltInRoles.Agent);

        var entry = (await EntriesAsync(admin, "?action=users.create&limit=200"))
            .Single(e => e.GetProperty("targetId").GetString() == user.GetProperty("id").GetGuid().ToString());
        Assert.Equal("user", entry.GetProperty("actorType").GetString());
        Assert.Equal("admin", entry.GetProperty("actorName").GetString());
        Assert.Equal("user", entry.GetProperty("targetType").GetString());
        Assert.Contains(userName, entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(HttpClientExtensions.UserPassword, entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", entry.GetProperty("sourceIp").GetString());
        Assert.Equal("success", entry.GetProperty("outcome").GetString());
        Assert.Equal(201, entry.GetProperty("statusCode").GetInt32());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task OpeningOrClosingAPageOrAHub_IsNotAWrite_AndLeavesNoAuditEntry()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        foreach (var path in new[] { "/_blazor/negotiate?negotiateVersion=1", "/hubs/routing/negotiate?negotiateVersion=1" })
        {
            using var negotiated = await admin.PostAsync(path, content: null, Ct);
            Assert.True(negotiated.IsSuccessStatusCode, $"{path} answered {(int)negotiated.StatusCode}");
        }

        // A page closing posts its circuit's id to /_blazor/disconnect/: transport too (it flooded the log with empty rows).
        using (await admin.PostAsync("/_blazor/disconnect/", new FormUrlEncodedContent([new("circuitId", "closed-page")]), Ct))
        {
        }

        var marker = await admin.CreateUserAsync(Names.Unique("after-negotiate"), BuiltInRoles.Agent); // a write after them, so they were handled
        var entries = await EntriesAsync(admin, "?limit=200");
        Assert.Contains(entries, e => e.GetProperty("targetId").GetString() == marker.GetProperty("id").GetGuid().ToString());
        Assert.DoesNotContain(entries, e => e.GetProperty("action").GetString()!.Contains("_blazor", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.GetProperty("action").GetString()!.Contains("negotiate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWriteRefusedByAuthorization_IsRecordedAsDenied()
    {
        using var client = factory.CreateBearerClient(await factory.GetDemoTokenAsync());
        using var refused = await client.PostAsJsonAsync("/api/v1/roles", new { name = Names.Unique("nope"), permissions = new[] { Permissions.UsersRead } }, Ct);
        await refused.ExpectAsync(403);

        using var admin = await factory.SignInDemoAsync("admin");
        var entry = (await EntriesAsync(admin, $"?actor={ParleyAppFactory.DemoApiClientId}&action=roles.create")).First();
        Assert.Equal("api-client", entry.GetProperty("actorType").GetString());
        Assert.Equal("denied", entry.GetProperty("outcome").GetString());
        Assert.Equal(403, entry.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task AWriteWithABodyThatIsNotJson_IsRecordedAsTheRejectionItWas_NotAsAnError()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var content = new StringContent("{\"name\": \"x\",", System.Text.Encoding.UTF8, "application/json");
        using var refused = await admin.PostAsync("/api/v1/roles", content, Ct);
        await refused.ExpectAsync(400);

        var entry = (await EntriesAsync(admin, "?actor=admin&action=roles.create")).First();
        Assert.Equal("rejected", entry.GetProperty("outcome").GetString());
        Assert.Equal(400, entry.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Filters_ByActionAndActor_ReturnOnlyMatchingEntries()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var delegateName = Names.Unique("role-maker");
        var delegateRole = await admin.CreateRoleAsync(Names.Unique("role-maker"), Permissions.RolesRead, Permissions.RolesWrite);
        await admin.CreateUserAsync(delegateName, delegateRole.GetProperty("name").GetString()!);
        using var roleMaker = await factory.SignInAsync(ParleyAppFactory.DemoTenant, delegateName, HttpClientExtensions.UserPassword);
        await roleMaker.CreateRoleAsync(Names.Unique("made"), Permissions.RolesRead);

        var byAction = await EntriesAsync(admin, "?action=roles.create&limit=200");
        Assert.True(byAction.Count >= 2);
        Assert.All(byAction, e => Assert.Equal("roles.create", e.GetProperty("action").GetString()));

        var byActor = await EntriesAsync(admin, $"?actor={delegateName}");
        var only = Assert.Single(byActor);
        Assert.Equal("roles.create", only.GetProperty("action").GetString());
        Assert.Equal(delegateName, only.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Filters_ByTime_ReturnOnlyEntriesInTheWindow()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var start = factory.Time.GetUtcNow();
        factory.Time.Advance(TimeSpan.FromHours(1));
        var user = await admin.CreateUserAsync(Names.Unique("late"), BuiltInRoles.Agent);
        factory.Time.Advance(TimeSpan.FromHours(1));
        var (from, to) = (start.AddMinutes(30), start.AddMinutes(90));
        await admin.CreateUserAsync(Names.Unique("later"), BuiltInRoles.Agent);

        var window = await EntriesAsync(admin, $"?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");
        var entry = Assert.Single(window);
        Assert.Equal(user.GetProperty("id").GetGuid().ToString(), entry.GetProperty("targetId").GetString());
    }

    [Fact]
    public async Task Verify_OnAnUntouchedLog_IsValid()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.CreateUserAsync(Names.Unique("verified"), BuiltInRoles.Agent);
        var result = await admin.GetJsonAsync("/api/v1/audit/verify");
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.True(result.GetProperty("entries").GetInt64() >= 1);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("firstBrokenSequence").ValueKind);
    }

    [Fact]
    public async Task Verify_AfterAnEntryIsChangedInTheDatabase_ReportsTheFirstBrokenSequence()
    {
        var tenant = await factory.CreateOtherTenantAsync("tampered");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        Assert.True((await admin.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean());

        await ChangeEntryAsync(tenant.TenantId, 2, entry => entry.Summary = "nothing happened here");

        var result = await admin.GetJsonAsync("/api/v1/audit/verify");
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(2, result.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(1, result.GetProperty("entries").GetInt64());

        // Another tenant's chain is unaffected.
        using var demoAdmin = await factory.SignInDemoAsync("admin");
        Assert.True((await demoAdmin.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Verify_AfterAnEntryIsChangedAndRehashed_ReportsTheNextEntryBroken()
    {
        var tenant = await factory.CreateOtherTenantAsync("rehashed");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        await ChangeEntryAsync(tenant.TenantId, 1, entry =>
        {
            entry.ActorName = "someone-else";
            entry.Hash = AuditChain.ComputeHash(entry);
        });

        var result = await admin.GetJsonAsync("/api/v1/audit/verify");
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(2, result.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task Verify_AfterAnEntryIsDeleted_ReportsTheGap()
    {
        var tenant = await factory.CreateOtherTenantAsync("deleted");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        await factory.WithDatabaseAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TenantId == tenant.TenantId && e.Sequence == 2).ExecuteDeleteAsync(Ct));

        var result = await admin.GetJsonAsync("/api/v1/audit/verify");
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(2, result.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task AnotherTenant_SeesOnlyItsOwnEntries()
    {
        using var demoAdmin = await factory.SignInDemoAsync("admin");
        await demoAdmin.CreateUserAsync(Names.Unique("tenant-a-only"), BuiltInRoles.Agent);
        var tenant = await factory.CreateOtherTenantAsync("observer");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);

        var entries = await EntriesAsync(admin, "?limit=200");
        var stored = await factory.WithDatabaseAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TenantId == tenant.TenantId, Ct));
        Assert.True(stored >= 3);
        Assert.Equal(stored, entries.Count);
        Assert.All(entries, e => Assert.Equal(tenant.AdminUserName, e.GetProperty("actorName").GetString()));
        Assert.Empty(await EntriesAsync(admin, "?actor=admin"));
        Assert.Empty(await EntriesAsync(admin, "?action=users.create&actor=admin"));
    }

    private async Task ChangeEntryAsync(Guid tenantId, long sequence, Action<Data.Entities.AuditEntry> change) =>
        await factory.WithDatabaseAsync(async db =>
        {
            var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.TenantId == tenantId && e.Sequence == sequence, Ct);
            change(entry);
            return await db.SaveChangesAsync(Ct);
        });

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query) =>
        [.. (await client.GetJsonAsync("/api/v1/audit" + query)).GetProperty("items").EnumerateArray()];
}
