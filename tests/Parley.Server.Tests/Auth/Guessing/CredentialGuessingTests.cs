using System.Net.Http.Json;
using Parley.Domain.Security;
using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth.Guessing;

/// <summary>
/// Guessing over HTTP is slow and visible: wrong passwords and client secrets are checked only while the source's,
/// the account-and-source's and the account's budgets last, an address that locks itself out of an account locks
/// nobody else out, unknown users cost a password check like known ones, and refusals are logged as counts.
/// </summary>
public sealed class CredentialGuessingTests(GuessingAppFactory factory) : IClassFixture<GuessingAppFactory>
{
    private const string WrongPassword = "Wrong-Password-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveWrongPasswordsFromOneAddress_LockOnlyThatAddressOutOfTheAccount_UntilItsBudgetRefills()
    {
        var userName = await CreateUserAsync("locked-here");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await SignInAsync("192.0.2.11", userName, WrongPassword)).ExpectAsync(401);
        }

        using (var locked = await SignInAsync("192.0.2.11", userName, HttpClientExtensions.UserPassword))
        {
            await locked.ExpectAsync(423);
            Assert.Equal("application/problem+json", locked.ContentType());
            Assert.Equal(TimeSpan.FromMinutes(3), locked.Headers.RetryAfter?.Delta);
        }

        await (await SignInAsync("192.0.2.12", userName, HttpClientExtensions.UserPassword)).ExpectAsync(204);
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        await (await SignInAsync("192.0.2.11", userName, HttpClientExtensions.UserPassword)).ExpectAsync(204);
    }

    [Fact]
    public async Task ParallelWrongPasswords_AreCheckedNoMoreThanFiveTimes()
    {
        var userName = await CreateUserAsync("parallel");
        var checksBefore = factory.Checks.Count;
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            using var response = await SignInAsync("192.0.2.21", userName, WrongPassword);
            return (int)response.StatusCode;
        }));

        Assert.Equal(5, answers.Count(a => a == 401));
        Assert.Equal(19, answers.Count(a => a == 423));
        Assert.Equal(5, factory.Checks.Count - checksBefore);
    }

    [Theory]
    [InlineData("demo", "nobody-at-all")]
    [InlineData("no-such-tenant", "admin")]
    [InlineData("demo", "admin")]
    public async Task AWrongSignIn_CostsOnePasswordCheck_WhetherTheUserExistsOrNot(string tenant, string userName)
    {
        var before = factory.Checks.Count;
        using var client = factory.CreateCookieClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { tenant, userName, password = WrongPassword }) };
        request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, "192.0.2.31");
        using var response = await client.SendAsync(request, Ct);
        await response.ExpectAsync(401);
        Assert.Equal(1, factory.Checks.Count - before);
    }

    [Fact]
    public async Task SprayingUserNamesFromOneAddress_Is429AfterTheSourceBudget_WhileAnotherAddressIsChecked()
    {
        for (var i = 0; i < 20; i++)
        {
            await (await SignInAsync("192.0.2.41", Names.Unique("spray"), WrongPassword)).ExpectAsync(401);
        }

        using (var slowed = await SignInAsync("192.0.2.41", Names.Unique("spray"), WrongPassword))
        {
            await slowed.ExpectAsync(429);
            Assert.Equal(TimeSpan.FromSeconds(15), slowed.Headers.RetryAfter?.Delta);
        }

        await (await SignInAsync("192.0.2.42", Names.Unique("spray"), WrongPassword)).ExpectAsync(401);
    }

    [Fact]
    public async Task WrongClientSecrets_AreRefusedUnchecked_AfterTheSourceBudget_FailuresLogged_RefusalsCounted()
    {
        for (var i = 0; i < 20; i++)
        {
            using var wrong = await TokenAsync("192.0.2.51", "wrong-secret");
            Assert.InRange((int)wrong.StatusCode, 400, 401);
        }

        using (var slowed = await TokenAsync("192.0.2.51", ParleyAppFactory.DemoApiClientSecret))
        {
            await slowed.ExpectAsync(429);
            Assert.NotNull(slowed.Headers.RetryAfter);
        }

        await (await TokenAsync("192.0.2.52", ParleyAppFactory.DemoApiClientSecret)).ExpectAsync(200);
        Assert.Contains(factory.Logs.WithEventId(2020), l => l.Message.Contains("'demo-api' from 192.0.2.51", StringComparison.Ordinal));

        for (var i = 0; i < 99; i++)
        {
            using var more = await TokenAsync("192.0.2.51", "wrong-secret");
        }

        factory.Time.Advance(TimeSpan.FromSeconds(10));
        var counted = Assert.Single(factory.Logs.WithEventId(2003), l => l.Message.Contains("(client-authentication)", StringComparison.Ordinal));
        Assert.StartsWith("100 requests refused (client-authentication)", counted.Message, StringComparison.Ordinal);
        Assert.Contains("most from 192.0.2.51 (100)", counted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminUnlock_ForgivesTheAccountsFailures()
    {
        var userName = await CreateUserAsync("unlocked");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await SignInAsync("192.0.2.61", userName, WrongPassword)).ExpectAsync(401);
        }

        await (await SignInAsync("192.0.2.61", userName, HttpClientExtensions.UserPassword)).ExpectAsync(423);
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.GetJsonAsync("/api/v1/users?limit=200")).GetProperty("items").EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();
        await (await admin.PostAsync($"/api/v1/users/{id}/unlock", null, Ct)).ExpectAsync(204);
        await (await SignInAsync("192.0.2.61", userName, HttpClientExtensions.UserPassword)).ExpectAsync(204);
    }

    private async Task<string> CreateUserAsync(string prefix)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique(prefix);
        await admin.CreateUserAsync(userName, BuiltInRoles.Agent);
        return userName;
    }

    private async Task<HttpResponseMessage> SignInAsync(string peer, string userName, string password)
    {
        using var client = factory.CreateCookieClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { tenant = ParleyAppFactory.DemoTenant, userName, password }),
        };
        request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
        return await client.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> TokenAsync(string peer, string secret)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ParleyAppFactory.DemoApiClientId,
                ["client_secret"] = secret,
            }),
        };
        request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
        return await client.SendAsync(request, Ct);
    }
}
