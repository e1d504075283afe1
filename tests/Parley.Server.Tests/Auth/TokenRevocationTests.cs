using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth;

/// <summary>
/// Bearer tokens are checked against the revocation list in memory, not the database (issue 12): a revocation made on this
/// node refuses the token at once; one made on another node (seen here as a row changed behind the server's back) is
/// refused after the next read of the revoked tokens, and not before — there is no database read per request.
/// </summary>
public sealed class TokenRevocationTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATokenRevokedAtTheRevocationEndpoint_IsRefusedAtOnce()
    {
        var (clientId, secret) = await NewClientAsync();
        var token = await factory.GetTokenAsync(clientId, secret);
        using var client = factory.CreateBearerClient(token);
        await client.GetJsonAsync("/api/v1/users");

        using var anonymous = factory.CreateAnonymousClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["token_type_hint"] = "access_token",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        using var revoked = await anonymous.PostAsync("/connect/revoke", form, Ct);
        await revoked.ExpectAsync(200);

        await (await client.GetAsync("/api/v1/users", Ct)).ExpectAsync(401);
    }

    [Fact]
    public async Task ATokenRevokedByAnotherNode_IsRefusedAfterTheNextRead_AndNotReadPerRequest()
    {
        var (clientId, secret) = await NewClientAsync();
        var token = await factory.GetTokenAsync(clientId, secret);
        using var client = factory.CreateBearerClient(token);
        await client.GetJsonAsync("/api/v1/users");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var changed = await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Id == TokenId(token))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, OpenIddictConstants.Statuses.Revoked), Ct);
            Assert.Equal(1, changed);
        }

        // The row says revoked, but this node has not read it yet: the request is checked in memory only.
        await client.GetJsonAsync("/api/v1/users");

        factory.Time.Advance(TimeSpan.FromSeconds(1)); // Parley:Tokens:RevocationRefreshInterval
        var waited = Stopwatch.StartNew();
        int status;
        do
        {
            await Task.Delay(50, Ct);
            using var response = await client.GetAsync("/api/v1/users", Ct);
            status = (int)response.StatusCode;
        }
        while (status == 200 && waited.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(401, status);
    }

    private async Task<(string ClientId, string Secret)> NewClientAsync()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = Names.Unique("revocable"), permissions = new[] { Permissions.UsersRead } }, Ct);
        await created.ExpectAsync(201);
        var body = await created.ReadJsonAsync();
        return (body.GetProperty("client").GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>The token entry id OpenIddict puts in every access token it issues (claim <c>oi_tkn_id</c>).</summary>
    private static string TokenId(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.GetProperty(OpenIddictConstants.Claims.Private.TokenId).GetString()!;
    }
}
