using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Domain.Security;
using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Account;

/// <summary>Cookie sign-in: the tenant decides where the user name is looked up; repeated failures lock the account.</summary>
public sealed class SignInTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_WithTheRightPassword_GivesAnHttpOnlyCookieThatWorks()
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant = "demo", userName = "agent1", password = ParleyAppFactory.DemoAgentPassword }, Ct);
        await response.ExpectAsync(204);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("parley.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("agent1", (await client.GetJsonAsync("/api/v1/me")).GetProperty("name").GetString());

        await (await client.PostAsync("/api/v1/auth/sign-out", null, Ct)).ExpectAsync(204);
        await (await client.GetAsync("/api/v1/me", Ct)).ExpectAsync(401);
    }

    [Theory]
    [InlineData("demo", "admin", "wrong-password")]
    [InlineData("nowhere", "admin", ParleyAppFactory.DemoAdminPassword)]
    [InlineData("platform", "admin", ParleyAppFactory.DemoAdminPassword)]
    [InlineData("demo", "operator", ParleyAppFactory.OperatorPassword)]
    public async Task SignIn_WithWrongTenantUserOrPassword_Is401WithTheSameAnswer(string tenant, string userName, string password)
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password }, Ct);
        await response.ExpectAsync(401);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("The tenant, user name or password is wrong.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount_UntilAnAdminUnlocksIt()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("forgetful");
        var user = await admin.CreateUserAsync(userName, BuiltInRoles.Agent);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await (await SignInAsync(userName, "Wrong-Password-2026")).ExpectAsync(401);
        }

        await (await SignInAsync(userName, "Wrong-Password-2026")).ExpectAsync(423);
        using (var locked = await SignInAsync(userName, HttpClientExtensions.UserPassword))
        {
            await locked.ExpectAsync(423);
            Assert.Equal("application/problem+json", locked.ContentType());
        }

        var id = user.GetProperty("id").GetGuid();
        Assert.True((await admin.GetJsonAsync($"/api/v1/users/{id}")).GetProperty("lockedOut").GetBoolean());
        await (await admin.PostAsync($"/api/v1/users/{id}/unlock", null, Ct)).ExpectAsync(204);
        Assert.False((await admin.GetJsonAsync($"/api/v1/users/{id}")).GetProperty("lockedOut").GetBoolean());
        await (await SignInAsync(userName, HttpClientExtensions.UserPassword)).ExpectAsync(204);
    }

    [Fact]
    public async Task ALockout_LastsFifteenMinutes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("patient");
        var user = await admin.CreateUserAsync(userName, BuiltInRoles.Agent);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await SignInAsync(userName, "Wrong-Password-2026");
        }

        // Identity's lockout reads the system clock, not the injected one: check the end it recorded.
        var id = user.GetProperty("id").GetGuid();
        var end = await factory.WithDatabaseAsync(db => db.Users.IgnoreQueryFilters().Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync(Ct));
        Assert.NotNull(end);
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(end.Value, now.AddMinutes(14), now.AddMinutes(15));
        await (await SignInAsync(userName, HttpClientExtensions.UserPassword)).ExpectAsync(423);
    }

    [Fact]
    public async Task InvalidSignInRequest_Is400WithFieldErrors()
    {
        using var client = factory.CreateCookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant = "", userName = "", password = "" }, Ct);
        await response.ExpectAsync(400);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Any());
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        using var client = factory.CreateCookieClient();
        return await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant = ParleyAppFactory.DemoTenant, userName, password }, Ct);
    }
}
