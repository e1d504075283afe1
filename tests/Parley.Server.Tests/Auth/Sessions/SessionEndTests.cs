using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Domain.Security;
using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Auth.Sessions;

/// <summary>
/// Access ends everywhere when it ends: a signed-out cookie is refused at once, and hub connections close when their
/// user signs out (at once), is deleted or loses the hub's permission, or their API client is revoked (within the
/// one-minute revalidation window, driven here by the fake clock).
/// </summary>
public sealed class SessionEndTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoASavedCookieIsRefused()
    {
        var cookie = await CookieAsync("agent1", ParleyAppFactory.DemoAgentPassword);
        using var client = factory.CreateAnonymousClient();
        await (await SendAsync(client, HttpMethod.Get, "/api/v1/me", cookie)).ExpectAsync(200);
        await (await SendAsync(client, HttpMethod.Post, "/api/v1/auth/sign-out", cookie)).ExpectAsync(204);
        await (await SendAsync(client, HttpMethod.Get, "/api/v1/me", cookie)).ExpectAsync(401);
    }

    [Fact]
    public async Task SigningOut_ClosesTheSessionsHubConnections_AtOnce()
    {
        var cookie = await CookieAsync("agent2", ParleyAppFactory.DemoAgentPassword);
        var (connection, closed) = await ConnectAsync("/hubs/agent", cookie: cookie);
        await using (connection)
        {
            using var client = factory.CreateAnonymousClient();
            await (await SendAsync(client, HttpMethod.Post, "/api/v1/auth/sign-out", cookie)).ExpectAsync(204);
            await closed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [Fact]
    public async Task DeletingTheUser_ClosesTheirHubConnection_WithinTheRevalidationWindow()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var userName = Names.Unique("leaver");
        var id = (await admin.CreateUserAsync(userName, BuiltInRoles.Supervisor)).GetProperty("id").GetGuid();
        var (connection, closed) = await ConnectAsync("/hubs/routing", cookie: await CookieAsync(userName, HttpClientExtensions.UserPassword));
        await using (connection)
        {
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.False(closed.IsCompleted, "a connection whose access still holds was closed");
            await (await admin.DeleteAsync($"/api/v1/users/{id}", Ct)).ExpectAsync(204);
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            await closed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [Fact]
    public async Task RemovingTheHubsPermissionFromTheRole_ClosesTheConnection_WithinTheRevalidationWindow()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var roleName = Names.Unique("watcher");
        var role = await admin.CreateRoleAsync(roleName, Permissions.RealtimeRead, Permissions.UsersRead);
        var userName = Names.Unique("watcher");
        await admin.CreateUserAsync(userName, roleName);
        var (connection, closed) = await ConnectAsync("/hubs/routing", cookie: await CookieAsync(userName, HttpClientExtensions.UserPassword));
        await using (connection)
        {
            using var update = await admin.PutJsonAsync(
                $"/api/v1/roles/{role.GetProperty("id").GetGuid()}", new { name = roleName, permissions = new[] { Permissions.UsersRead } }, "*");
            await update.ExpectAsync(200);
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            await closed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [Fact]
    public async Task RevokingTheApiClient_ClosesItsHubConnection_WithinTheRevalidationWindow()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var create = await admin.PostAsJsonAsync("/api/v1/api-clients", new { name = "Wallboard", permissions = new[] { Permissions.RealtimeRead } }, Ct);
        var created = await (await create.ExpectAsync(201)).ReadJsonAsync();
        var client = created.GetProperty("client");
        var token = await factory.GetTokenAsync(client.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
        var (connection, closed) = await ConnectAsync("/hubs/routing", bearer: token);
        await using (connection)
        {
            await (await admin.PostAsync($"/api/v1/api-clients/{client.GetProperty("id").GetGuid()}/revoke", null, Ct)).ExpectAsync(200);
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            await closed.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookie)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Ct);
    }

    private async Task<string> CookieAsync(string userName, string password)
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant = ParleyAppFactory.DemoTenant, userName, password }, Ct);
        await response.ExpectAsync(204);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<(HubConnection Connection, Task Closed)> ConnectAsync(string path, string? bearer = null, string? cookie = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (bearer is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
                }

                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync(Ct);
        return (connection, closed.Task);
    }
}
