using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;

namespace Parley.Data.Tests;

/// <summary>The same behaviour on every provider: migrations, tenant filters, cross-tenant writes, versions, uniqueness.</summary>
public abstract class DataLayerTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task Migrations_CoverTheWholeModel()
    {
        await using var db = database.For(null);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both providers.");
    }

    [Fact]
    public async Task Queries_SeeOnlyTheCurrentTenantsRows()
    {
        var (a, b) = (await AddTenantAsync(), await AddTenantAsync());
        await AddClientAsync(a, "client-of-a");
        await AddClientAsync(b, "canary-of-b");

        await using var asA = database.For(a);
        var visible = await asA.ApiClients.Select(c => c.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("client-of-a", visible);
        Assert.DoesNotContain("canary-of-b", visible);

        await using var asB = database.For(b);
        var idOfB = await asB.ApiClients.Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(await asA.ApiClients.SingleOrDefaultAsync(c => c.Id == idOfB, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Queries_WithoutTenant_SeeNoTenantRows()
    {
        var a = await AddTenantAsync();
        await AddClientAsync(a, "hidden");
        await using var none = database.For(null);
        Assert.False(await none.ApiClients.AnyAsync(c => c.Name == "hidden", TestContext.Current.CancellationToken));
        Assert.True(await none.ApiClients.IgnoreQueryFilters().AnyAsync(c => c.Name == "hidden", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_RowOfAnotherTenant_IsRefused()
    {
        var (a, b) = (await AddTenantAsync(), await AddTenantAsync());
        await using var asA = database.For(a);
        asA.ApiClients.Add(NewClient(b, "smuggled"));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => asA.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Tenant_TimeZone_IsUtcByDefault_AndRoundTrips()
    {
        var a = await AddTenantAsync();
        await using (var db = database.For(null))
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Id == a, TestContext.Current.CancellationToken);
            Assert.Equal("UTC", tenant.TimeZone);
            tenant.TimeZone = "America/New_York";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var again = database.For(null);
        Assert.Equal("America/New_York", await again.Tenants.Where(t => t.Id == a).Select(t => t.TimeZone).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_BumpsVersion_AndStaleUpdateFails()
    {
        var a = await AddTenantAsync();
        await AddClientAsync(a, "versioned");
        await using var first = database.For(a);
        await using var second = database.For(a);
        var one = await first.ApiClients.SingleAsync(c => c.Name == "versioned", TestContext.Current.CancellationToken);
        var two = await second.ApiClients.SingleAsync(c => c.Name == "versioned", TestContext.Current.CancellationToken);
        Assert.Equal(1, one.Version);

        one.Name = "renamed";
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, one.Version);

        two.Name = "lost update";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AuditSequence_IsUniquePerTenant()
    {
        var a = await AddTenantAsync();
        await using var db = database.For(a);
        db.AuditEntries.Add(NewAudit(a, 1));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await using var racer = database.For(a);
        racer.AuditEntries.Add(NewAudit(a, 1));
        await Assert.ThrowsAsync<DbUpdateException>(() => racer.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Timestamps_RoundTripAndOrder()
    {
        var a = await AddTenantAsync();
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, 123, TimeSpan.Zero);
        await using (var db = database.For(a))
        {
            db.AuditEntries.Add(NewAudit(a, 1, at));
            db.AuditEntries.Add(NewAudit(a, 2, at.AddMinutes(1)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = database.For(a);
        var later = await read.AuditEntries.Where(e => e.At > at).Select(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([2L], later);
        Assert.Equal(at, (await read.AuditEntries.SingleAsync(e => e.Sequence == 1, TestContext.Current.CancellationToken)).At);
    }

    private async Task<Guid> AddTenantAsync()
    {
        var id = Guid.CreateVersion7();
        await using var db = database.For(null);
        db.Tenants.Add(new Tenant { Id = id, Slug = "t" + id.ToString("N")[..12], Name = "Tenant", CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }

    private async Task AddClientAsync(Guid tenantId, string name)
    {
        await using var db = database.For(tenantId);
        db.ApiClients.Add(NewClient(tenantId, name));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static ApiClient NewClient(Guid tenantId, string name) =>
        new() { Id = Guid.CreateVersion7(), TenantId = tenantId, ClientId = "c" + Guid.NewGuid().ToString("N"), Name = name };

    private static AuditEntry NewAudit(Guid tenantId, long sequence, DateTimeOffset? at = null) => new()
    {
        TenantId = tenantId,
        Sequence = sequence,
        At = at ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ActorType = "user",
        ActorId = "u",
        ActorName = "u",
        Action = "test",
        Outcome = "success",
        PreviousHash = "",
        Hash = "",
    };
}
