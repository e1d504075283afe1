using System.Net.Http.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>A tenant that bursts beyond its bucket is slowed down without slowing down other tenants.</summary>
public sealed class TenantRateLimitingTests(LowTenantRateLimitAppFactory factory) : IClassFixture<LowTenantRateLimitAppFactory>
{
    [Fact]
    public async Task ABurstFromOneTenant_Gets429_WhileAnotherTenantIsServed()
    {
        var slug = Names.Unique("quiet");
        using (var platform = await factory.SignInOperatorAsync())
        {
            using var created = await platform.PostAsJsonAsync(
                "/api/v1/platform/tenants", new { slug, name = "Quiet tenant", adminUserName = "boss", adminPassword = ParleyAppFactory.OtherAdminPassword }, TestContext.Current.CancellationToken);
            await created.ExpectAsync(201);
        }

        using var otherAdmin = await factory.SignInAsync(slug, "boss", ParleyAppFactory.OtherAdminPassword);
        using var demo = factory.CreateBearerClient(await factory.GetDemoTokenAsync());

        var refused = await RateLimitingTests.BurstAsync(demo, peer: null, url: "/api/v1/me");
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.ContentType());
        }

        await otherAdmin.GetJsonAsync("/api/v1/me");
    }
}
