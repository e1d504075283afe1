using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;

namespace Parley.Data.Tests;

/// <summary>SIP registrations on every provider: tenant filter, one row per contact of an AOR, expiry order, tenant cascade.</summary>
public abstract class SipRegistrationTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registrations_AreSeenOnlyByTheirTenant()
    {
        var (a, b) = (await AddTenantAsync(), await AddTenantAsync());
        await AddAsync(a, "sip:alice@a.sip.parley", "sip:alice@192.0.2.1:5060", Now.AddHours(1));
        await AddAsync(b, "sip:canary@b.sip.parley", "sip:canary@192.0.2.2:5060", Now.AddHours(1));

        await using var asA = database.For(a);
        var aors = await asA.Set<SipRegistration>().Select(r => r.Aor).ToListAsync(Ct);
        Assert.Equal(["sip:alice@a.sip.parley"], aors);
        asA.Set<SipRegistration>().Add(New(b, "sip:smuggled@b.sip.parley", "sip:x@192.0.2.3", Now));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => asA.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task TheSameContactTwiceForOneAor_IsRefused()
    {
        var a = await AddTenantAsync();
        await AddAsync(a, "sip:alice@a.sip.parley", "sip:alice@192.0.2.1:5060", Now.AddHours(1));

        await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(a, "sip:alice@a.sip.parley", "sip:alice@192.0.2.1:5060", Now.AddHours(2)));
        await AddAsync(a, "sip:alice@a.sip.parley", "sip:alice@192.0.2.9:5060", Now.AddHours(2));
    }

    [Fact]
    public async Task ExpiredRows_AreFoundByTime_AcrossTenants_AndRoundTripExactly()
    {
        var (a, b) = (await AddTenantAsync(), await AddTenantAsync());
        var expiredAt = Now.AddSeconds(-1).AddMilliseconds(250);
        await AddAsync(a, "sip:old@a.sip.parley", "sip:old@192.0.2.1", expiredAt);
        await AddAsync(b, "sip:old@b.sip.parley", "sip:old@192.0.2.2", Now.AddSeconds(-30));
        await AddAsync(a, "sip:live@a.sip.parley", "sip:live@192.0.2.1", Now.AddMinutes(5));

        await using var sweeper = database.For(null);
        var expired = await sweeper.Set<SipRegistration>().IgnoreQueryFilters()
            .Where(r => r.ExpiresAt <= Now && (r.TenantId == a || r.TenantId == b))
            .OrderBy(r => r.ExpiresAt).ToListAsync(Ct);

        Assert.Equal(["sip:old@b.sip.parley", "sip:old@a.sip.parley"], expired.Select(r => r.Aor));
        Assert.Equal(expiredAt, expired[1].ExpiresAt);
    }

    [Fact]
    public async Task DeletingTheTenant_DeletesItsRegistrations()
    {
        var a = await AddTenantAsync();
        await AddAsync(a, "sip:alice@a.sip.parley", "sip:alice@192.0.2.1:5060", Now.AddHours(1));

        await using (var db = database.For(null))
        {
            db.Tenants.Remove(await db.Tenants.SingleAsync(t => t.Id == a, Ct));
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.For(null);
        Assert.False(await check.Set<SipRegistration>().IgnoreQueryFilters().AnyAsync(r => r.TenantId == a, Ct));
    }

    private async Task<Guid> AddTenantAsync()
    {
        var id = Guid.CreateVersion7();
        await using var db = database.For(null);
        db.Tenants.Add(new Tenant { Id = id, Slug = "t" + id.ToString("N")[..12], Name = "Tenant", CreatedAt = Now });
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private async Task AddAsync(Guid tenantId, string aor, string contact, DateTimeOffset expiresAt)
    {
        await using var db = database.For(tenantId);
        db.Set<SipRegistration>().Add(New(tenantId, aor, contact, expiresAt));
        await db.SaveChangesAsync(Ct);
    }

    private static SipRegistration New(Guid tenantId, string aor, string contact, DateTimeOffset expiresAt) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        Aor = aor,
        ContactUri = contact,
        ExpiresAt = expiresAt,
        CallId = Guid.NewGuid().ToString("N"),
        CSeq = 1,
        SourceAddress = "192.0.2.1",
        SourcePort = 5060,
        Transport = "UDP",
        UserAgent = "Test phone",
        CreatedAt = Now,
        UpdatedAt = Now,
    };
}
