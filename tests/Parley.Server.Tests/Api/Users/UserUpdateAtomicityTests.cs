using System.Net.Http.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Users;

/// <summary>A user update is one change: when a later Identity step is refused, the earlier ones are not kept.</summary>
public sealed class UserUpdateAtomicityTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUpdateWhosePasswordIsRefused_LeavesNameRolesAndPasswordAsTheyWere()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("steady");
        var user = await admin.CreateUserAsync(userName, "agent");
        var url = $"/api/v1/users/{user.GetProperty("id").GetGuid()}";
        string etag;
        using (var read = await admin.GetAsync(url, Ct))
        {
            await read.ExpectAsync(200);
            etag = read.Headers.ETag!.ToString();
        }

        using var refused = await admin.PutJsonAsync(
            url, new { displayName = "Renamed", email = "renamed@example.com", roles = new[] { "supervisor" }, newPassword = "too-short" }, etag);

        await refused.ExpectAsync(400);
        Assert.Equal("application/problem+json", refused.ContentType());
        Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
        using var after = await admin.GetAsync(url, Ct);
        await after.ExpectAsync(200);
        Assert.Equal(etag, after.Headers.ETag!.ToString());
        var kept = await after.ReadJsonAsync();
        Assert.Equal(userName, kept.GetProperty("displayName").GetString());
        Assert.Equal(["agent"], kept.GetProperty("roles").Strings());
        using var signedIn = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, HttpClientExtensions.UserPassword);
    }

    [Fact]
    public async Task AnUpdateThatIsAccepted_AppliesEveryChange()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("moving");
        var user = await admin.CreateUserAsync(userName, "agent");
        var url = $"/api/v1/users/{user.GetProperty("id").GetGuid()}";
        using var read = await admin.GetAsync(url, Ct);
        const string newPassword = "Another-Password-2026";

        using var changed = await admin.PutJsonAsync(
            url, new { displayName = "Moved", email = (string?)null, roles = new[] { "supervisor" }, newPassword }, read.Headers.ETag!.ToString());

        await changed.ExpectAsync(200);
        var now = await admin.GetJsonAsync(url);
        Assert.Equal("Moved", now.GetProperty("displayName").GetString());
        Assert.Equal(["supervisor"], now.GetProperty("roles").Strings());
        using var signedIn = await factory.SignInAsync(ParleyAppFactory.DemoTenant, userName, newPassword);
    }

    [Fact]
    public async Task ACreateWithAnUnknownRole_IsRefused_AndCreatesNoUser()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("ghost");
        using var refused = await admin.PostAsJsonAsync(
            "/api/v1/users", new { userName, password = HttpClientExtensions.UserPassword, roles = new[] { "agent", Names.Unique("nope") } }, Ct);

        await refused.ExpectAsync(400);
        var listed = (await admin.GetJsonAsync("/api/v1/users?limit=200")).GetProperty("items").EnumerateArray()
            .Select(u => u.GetProperty("userName").GetString());
        Assert.DoesNotContain(userName, listed);
    }
}
