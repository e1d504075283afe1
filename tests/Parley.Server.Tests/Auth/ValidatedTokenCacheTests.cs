using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.Domain.Security;
using Parley.Server.Auth.Tokens;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>
/// A bearer token is validated by OpenIddict once and then remembered until it expires (issue 12, the write path): the
/// remembered copy never outlives the token, never stands in for a token that differs by one character, and is bounded.
/// Revocation of a remembered token is refused at once (<see cref="TokenRevocationTests"/>, whose tokens are used first).
/// </summary>
public sealed class ValidatedTokenCacheTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARememberedToken_IsAcceptedAgain_AndAnAlteredCopyIsRefused()
    {
        var token = await NewTokenAsync();
        using var genuine = factory.CreateBearerClient(token);
        await genuine.GetJsonAsync("/api/v1/users");
        Assert.NotNull(factory.Services.GetRequiredService<ValidatedTokenCache>().Find(token));
        await genuine.GetJsonAsync("/api/v1/users");

        var last = token[^2] == 'A' ? 'B' : 'A';
        using var altered = factory.CreateBearerClient(token[..^2] + last + token[^1]);
        await (await altered.GetAsync("/api/v1/users", Ct)).ExpectAsync(401);
        using var truncated = factory.CreateBearerClient(token[..^1]);
        await (await truncated.GetAsync("/api/v1/users", Ct)).ExpectAsync(401);
    }

    [Fact]
    public void ARememberedToken_IsForgottenWhenItExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        cache.Add("token", Principal(), "id-1", time.GetUtcNow().AddMinutes(15));

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.Equal("id-1", cache.Find("token")?.TokenId);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(cache.Find("token"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TheCache_IsBounded_AndMakesRoomOnlyFromExpiredTokens()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        for (var i = 0; i < ValidatedTokenCache.Capacity; i++)
        {
            cache.Add($"short-{i}", Principal(), $"s{i}", time.GetUtcNow().AddMinutes(i < 10 ? 1 : 30));
        }

        cache.Add("one-more", Principal(), "x", time.GetUtcNow().AddMinutes(30));
        Assert.Equal(ValidatedTokenCache.Capacity, cache.Count);
        Assert.Null(cache.Find("one-more")); // full of live tokens: validated every time instead

        time.Advance(TimeSpan.FromMinutes(2)); // ten have expired
        cache.Add("one-more", Principal(), "x", time.GetUtcNow().AddMinutes(30));
        Assert.NotNull(cache.Find("one-more"));
        Assert.Equal(ValidatedTokenCache.Capacity - 9, cache.Count);
    }

    [Fact]
    public void TheRememberedPrincipal_IsACopy_ThatARequestCannotChangeForTheNext()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        cache.Add("token", Principal(), "id-1", time.GetUtcNow().AddMinutes(15));

        var first = cache.Find("token")!.Principal;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim("added", "by a request"));
        Assert.Null(cache.Find("token")!.Principal.FindFirst("added"));
    }

    private static ClaimsPrincipal Principal() => new(new ClaimsIdentity([new Claim("sub", "client")], "test"));

    private async Task<string> NewTokenAsync()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = Names.Unique("cached"), permissions = new[] { Permissions.UsersRead } }, Ct);
        await created.ExpectAsync(201);
        var body = await created.ReadJsonAsync();
        return await factory.GetTokenAsync(body.GetProperty("client").GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }
}
