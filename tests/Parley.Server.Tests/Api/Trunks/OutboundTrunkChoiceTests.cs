using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Tests.Api.Trunks;

/// <summary>
/// Toll fraud: an outbound call (click to dial, transfer, conference, callback) takes the tenant's oldest trunk whose
/// allowed destinations take the number, and no trunk at all when none does (the caller is refused).
/// </summary>
public sealed class OutboundTrunkChoiceTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task ANumberOutsideEveryTrunksDestinations_FindsNoTrunk_AndAnAllowedOneTheOldestTrunkThatTakesIt()
    {
        var tenant = await factory.CreateOtherTenantAsync("tollfraud");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        var london = await CreateAsync(admin, "London only", ["+4420"]);
        var americas = await CreateAsync(admin, "North America", ["+1"]);
        var trunks = factory.Services.GetRequiredService<IOutboundTrunks>();

        Assert.Equal(london, (await trunks.FindAsync(tenant.TenantId, "+442071234567"))?.Id);
        Assert.Equal(americas, (await trunks.FindAsync(tenant.TenantId, "+15551234567"))?.Id);
        Assert.Null(await trunks.FindAsync(tenant.TenantId, "+8823123456")); // an international premium range: refused

        var anywhere = await CreateAsync(admin, "Anywhere", []);
        Assert.Equal(anywhere, (await trunks.FindAsync(tenant.TenantId, "+8823123456"))?.Id);
        Assert.Equal(london, (await trunks.FindAsync(tenant.TenantId, "+442071234567"))?.Id);
    }

    private async Task<Guid> CreateAsync(HttpClient admin, string name, string[] destinations)
    {
        factory.Time.Advance(TimeSpan.FromSeconds(1)); // "oldest" is by creation time
        return (await admin.PostJsonAsync("/api/v1/trunks", new { name, outboundHost = "sip.carrier.example", allowedDestinations = destinations }, 201)).GetProperty("id").GetGuid();
    }
}
