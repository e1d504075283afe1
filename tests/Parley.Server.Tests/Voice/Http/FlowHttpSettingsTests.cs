using Parley.Domain.Tenants;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Voice.Http;

/// <summary>The tenant's allow-list for flow HTTP blocks in <c>/api/v1/tenant/settings</c>, and its matching rules.</summary>
public sealed class FlowHttpSettingsTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string Settings = "/api/v1/tenant/settings";

    [Fact]
    public async Task TheAllowList_IsEmptyByDefault_StoredNormalised_AndKeptWhenOmitted()
    {
        var tenant = await factory.CreateOtherTenantAsync("flowhosts");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        Assert.Equal(0, (await admin.GetJsonAsync(Settings)).GetProperty("flowHttpAllowedHosts").GetArrayLength());

        using var put = await admin.PutJsonAsync(Settings, new { timeZone = "UTC", flowHttpAllowedHosts = new[] { "CRM.Example.com.", "*.example.net", "crm.example.com" } }, "*");
        await put.ExpectAsync(200);
        using var zoneOnly = await admin.PutJsonAsync(Settings, new { timeZone = "Europe/Paris" }, "*");
        await zoneOnly.ExpectAsync(200);

        var hosts = (await admin.GetJsonAsync(Settings)).GetProperty("flowHttpAllowedHosts").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["crm.example.com", "*.example.net"], hosts);
    }

    [Fact]
    public async Task BadEntries_AreA400Problem_KeyedByTheirPointer()
    {
        var tenant = await factory.CreateOtherTenantAsync("flowhosts-bad");
        using var admin = await factory.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);

        using var put = await admin.PutJsonAsync(Settings, new { timeZone = "UTC", flowHttpAllowedHosts = new[] { "ok.example.com", "*", "http://x.com/", "*.com" } }, "*");

        var problem = await (await put.ExpectAsync(400)).ReadJsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["flowHttpAllowedHosts/1", "flowHttpAllowedHosts/2", "flowHttpAllowedHosts/3"], errors.EnumerateObject().Select(p => p.Name).Order().ToList());
        Assert.Equal(0, (await admin.GetJsonAsync(Settings)).GetProperty("flowHttpAllowedHosts").GetArrayLength());
    }

    [Theory]
    [InlineData("crm.example.com", "crm.example.com", true)]
    [InlineData("CRM.example.com", "crm.example.com", true)]
    [InlineData("a.example.com", "*.example.com", true)]
    [InlineData("a.b.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("evilexample.com", "*.example.com", false)]
    [InlineData("crm.example.com.evil.org", "crm.example.com", false)]
    public void Hosts_MatchNamesExactly_AndWildcardsOnlyBelowTheirDomain(string host, string pattern, bool allowed) =>
        Assert.Equal(allowed, FlowHttpHosts.IsAllowed(host, [pattern]));
}
