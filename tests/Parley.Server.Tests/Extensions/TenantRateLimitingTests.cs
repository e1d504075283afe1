using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>A tenant that bursts beyond its bucket is slowed down without slowing down other tenants.</summary>
public sealed class TenantRateLimitingTests(LowTenantRateLimitAppFactory factory) : IClassFixture<LowTenantRateLimitAppFactory>
{
    [Fact]
    public async Task ABurstFromOneTenant_Gets429_WhileAnotherTenantIsServed()
    {
        var other = await factory.CreateOtherTenantAsync();
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
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
