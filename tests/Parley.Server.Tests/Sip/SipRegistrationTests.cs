using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Entities.Sip;
using Parley.Server.Options;
using Parley.Server.Sip;
using Parley.Server.Tests.Support;
using Parley.Sip.Registrar;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>Registrations over real UDP are stored per tenant: listed to their tenant only, removable by its admin, swept when expired.</summary>
public sealed class SipRegistrationTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string DemoRealm = "demo.sip.parley";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegistration_IsListedToItsTenant_AndNotToAnother()
    {
        var aor = await RegisterDemoAsync("agent2", 600);
        using var admin = await factory.SignInDemoAsync("admin");

        var mine = Assert.Single((await admin.GetJsonAsync($"/api/v1/sip/registrations?aor={Uri.EscapeDataString(aor)}")).GetProperty("items").EnumerateArray());
        Assert.Equal(aor, mine.GetProperty("aor").GetString());
        Assert.Equal("UDP", mine.GetProperty("transport").GetString());
        Assert.Equal("127.0.0.1", mine.GetProperty("sourceAddress").GetString());
        Assert.Equal("Parley test phone", mine.GetProperty("userAgent").GetString());
        var userId = mine.GetProperty("userId").GetGuid();
        var byUser = (await admin.GetJsonAsync($"/api/v1/sip/registrations?userId={userId}")).GetProperty("items").EnumerateArray();
        Assert.Contains(byUser, r => r.GetProperty("aor").GetString() == aor);

        var other = await factory.CreateOtherTenantAsync();
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var seenByOther = (await otherAdmin.GetJsonAsync("/api/v1/sip/registrations?limit=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(seenByOther, r => r.GetProperty("aor").GetString()!.EndsWith("@" + DemoRealm, StringComparison.Ordinal));
        Assert.Empty((await otherAdmin.GetJsonAsync($"/api/v1/sip/registrations?aor={Uri.EscapeDataString(aor)}")).GetProperty("items").EnumerateArray());
        using var foreignDelete = await otherAdmin.DeleteAsync($"/api/v1/sip/registrations/{mine.GetProperty("id").GetGuid()}", Ct);
        await foreignDelete.ExpectAsync(404);
        Assert.Single(await LookupAsync(aor));
    }

    [Fact]
    public async Task Supervisors_CanList_AgentsCannot()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var agent = await factory.SignInDemoAsync("agent1");

        await (await supervisor.GetAsync("/api/v1/sip/registrations", Ct)).ExpectAsync(200);
        await (await agent.GetAsync("/api/v1/sip/registrations", Ct)).ExpectAsync(403);
    }

    [Fact]
    public async Task AnAdmin_RemovesAStaleRegistration_Audited_AndTheRegistrarForgetsIt()
    {
        var aor = await RegisterDemoAsync("agent3", 600);
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.GetJsonAsync($"/api/v1/sip/registrations?aor={Uri.EscapeDataString(aor)}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var deleted = await admin.DeleteAsync($"/api/v1/sip/registrations/{id}", Ct);

        await deleted.ExpectAsync(204);
        Assert.Empty(await LookupAsync(aor));
        var audit = (await admin.GetJsonAsync("/api/v1/audit?action=sip-registrations.delete&limit=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(audit, e => e.GetProperty("targetId").GetString() == id.ToString());
    }

    [Fact]
    public async Task ExpiredRegistrations_AreSwept()
    {
        var user = Names.Unique("brief");
        using var admin = await factory.SignInDemoAsync("admin");
        var owner = await admin.CreateUserAsync(Names.Unique("phone-owner"), "agent");
        using var created = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = owner.GetProperty("id").GetGuid(), sipUserName = user, password = "Brief-Phone-2026" }, Ct);
        await created.ExpectAsync(201);
        var answer = await SipDigestRegistration.RegisterAsync(SipPort, user, DemoRealm, "Brief-Phone-2026", 60, Ct);
        Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
        var aor = $"sip:{user}@{DemoRealm}";
        Assert.True(await RowExistsAsync(aor));

        factory.Time.Advance(TimeSpan.FromSeconds(61));
        await factory.Services.GetRequiredService<SipRegistrationSweeper>().SweepAsync(Ct);

        Assert.False(await RowExistsAsync(aor));
        Assert.Empty(await LookupAsync(aor));
    }

    [Fact]
    public async Task ASuspendedTenantsRegistrations_AreNotServed()
    {
        var other = await factory.CreateOtherTenantAsync();
        var aor = await factory.WithDatabaseAsync(db => db.Set<SipRegistration>().IgnoreQueryFilters()
            .Where(r => r.TenantId == other.TenantId).Select(r => r.Aor).SingleAsync(Ct));
        Assert.Single(await LookupAsync(aor));

        using var platform = await factory.SignInOperatorAsync();
        await (await platform.PostAsync($"/api/v1/platform/tenants/{other.TenantId}/suspend", null, Ct)).ExpectAsync(200);

        Assert.Empty(await LookupAsync(aor));
    }

    [Fact]
    public async Task TheStore_RefusesAnAorOutsideTheAuthenticatedTenantsDomain()
    {
        var aor = await RegisterDemoAsync("agent1", 600);
        var other = await factory.CreateOtherTenantAsync();
        var store = factory.Services.GetRequiredService<ISipBindingStore>();
        var stolen = Assert.Single(await store.LoadAsync(aor, null, Ct)) with { TenantId = other.TenantId.ToString() };

        Assert.Empty(await store.LoadAsync(aor, other.TenantId.ToString(), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.ReplaceAsync(aor, other.TenantId.ToString(), [stolen], Ct));
        Assert.False(await factory.WithDatabaseAsync(db => db.Set<SipRegistration>().IgnoreQueryFilters().AnyAsync(r => r.TenantId == other.TenantId && r.Aor == aor, Ct)));
        Assert.Single(await LookupAsync(aor));
    }

    [Fact]
    public async Task ASecondDevice_IsTheNewest_AndTheFirstKeepsItsOwnTime()
    {
        // A softphone killed without unregistering, then started again on another port: two bindings. The phone that
        // rings is the newest, so the dead one must keep the time of its own REGISTER, not the second device's.
        var store = factory.Services.GetRequiredService<ISipBindingStore>();
        var others = await store.LoadAsync("sip:agent2@" + DemoRealm, null, Ct);
        var aor = await RegisterDemoAsync("agent2", 600);
        var first = Assert.Single(await store.LoadAsync(aor, null, Ct), b => !others.Any(o => o.Contact == b.Contact));
        var firstWritten = await UpdatedAtAsync(aor, first.Contact);
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var second = first with { Contact = "sip:agent2-restarted@127.0.0.1:5999", CallId = "restarted-call", CSeq = 1, ExpiresAt = first.ExpiresAt.AddMinutes(1) };

        await store.ReplaceAsync(aor, first.TenantId, [.. others, first, second], Ct);

        Assert.Equal(firstWritten, await UpdatedAtAsync(aor, first.Contact));
        Assert.True(await UpdatedAtAsync(aor, second.Contact) > firstWritten);
        await store.ReplaceAsync(aor, first.TenantId, others, Ct);
    }

    private Task<DateTimeOffset> UpdatedAtAsync(string aor, string contact) =>
        factory.WithDatabaseAsync(db => db.Set<SipRegistration>().IgnoreQueryFilters().Where(r => r.Aor == aor && r.ContactUri == contact).Select(r => r.UpdatedAt).SingleAsync(Ct));

    private int SipPort => factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    private async Task<string> RegisterDemoAsync(string user, int expires)
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        var answer = await SipDigestRegistration.RegisterAsync(SipPort, user, DemoRealm, ParleyAppFactory.DemoSipPassword, expires, Ct);
        Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
        return $"sip:{user}@{DemoRealm}";
    }

    private async Task<IReadOnlyList<SipBinding>> LookupAsync(string aor) =>
        await factory.Services.GetRequiredService<SipStack>().Registrar!.LookupAsync(aor, Ct);

    private Task<bool> RowExistsAsync(string aor) =>
        factory.WithDatabaseAsync(db => db.Set<SipRegistration>().IgnoreQueryFilters().AnyAsync(r => r.Aor == aor, Ct));
}
