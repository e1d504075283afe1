using System.Net.Http.Json;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>SignalR groups are per tenant and per permission: nobody hears another tenant, agents hear only their own work.</summary>
public sealed class RoutingHubTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task Events_ReachTheTenantsSupervisorsAndTheOfferedAgent_Only()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        var tenantB = await factory.CreateOtherTenantAsync();
        var supervisor = await ConnectAsync("/hubs/routing", bearer: await factory.GetDemoTokenAsync());
        var agent1 = await ConnectAsync("/hubs/agent", cookie: await CookieAsync(ParleyAppFactory.DemoTenant, "agent1", ParleyAppFactory.DemoAgentPassword));
        var agent2 = await ConnectAsync("/hubs/agent", cookie: await CookieAsync(ParleyAppFactory.DemoTenant, "agent2", ParleyAppFactory.DemoAgentPassword));
        var otherTenant = await ConnectAsync("/hubs/routing", cookie: await CookieAsync(tenantB.Slug, tenantB.AdminUserName, tenantB.AdminPassword));
        try
        {
            using var api = await factory.ApiClientAsync();
            using var alice = await factory.SignInDemoAsync("agent1");
            using var bob = await factory.SignInDemoAsync("agent2");
            await alice.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
            await bob.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
            var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
            var id = (await api.CreateInteractionAsync(sales)).ToString();

            await supervisor.WaitForAsync(e => e.Type == "interaction.offered" && e.InteractionId == id);
            var offered = await agent1.WaitForAsync(e => e.Type == "interaction.offered" && e.InteractionId == id);
            Assert.Equal(await api.IdByAsync("/api/v1/agents", "extension", "1001"), Guid.Parse(offered.AgentId!));
            await supervisor.WaitForAsync(e => e.Type == "agent.state-changed" && e.AgentId == offered.AgentId);

            Assert.DoesNotContain(agent2.Received, e => e.InteractionId == id);
            Assert.DoesNotContain(agent1.Received, e => e.AgentId is not null && e.AgentId != offered.AgentId);
            Assert.Empty(otherTenant.Received);

            await alice.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
            await bob.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        }
        finally
        {
            foreach (var listener in new[] { supervisor, agent1, agent2, otherTenant })
            {
                await listener.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Agents_CannotOpenTheSupervisorHub_AndAnonymousCannotConnect()
    {
        var cookie = await CookieAsync(ParleyAppFactory.DemoTenant, "agent3", ParleyAppFactory.DemoAgentPassword);
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync("/hubs/routing", cookie: cookie));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var anonymous = await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync("/hubs/agent"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<string> CookieAsync(string tenant, string userName, string password)
    {
        using var client = factory.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password }, TestContext.Current.CancellationToken);
        await response.ExpectAsync(204);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<HubListener> ConnectAsync(string path, string? bearer = null, string? cookie = null)
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
        var listener = new HubListener(connection);
        connection.On<JsonElement[]>("routing", events => listener.Add(events));
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    private sealed record HubEvent(string Type, string? InteractionId, string? AgentId);

    private sealed class HubListener(HubConnection connection) : IAsyncDisposable
    {
        private readonly ConcurrentQueue<HubEvent> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public IReadOnlyCollection<HubEvent> Received => _received;

        public void Add(JsonElement[] events)
        {
            foreach (var e in events)
            {
                _received.Enqueue(new HubEvent(e.GetProperty("type").GetString()!, e.GetProperty("interactionId").GetString(), e.GetProperty("agentId").GetString()));
            }

            _arrived.Release();
        }

        public async Task<HubEvent> WaitForAsync(Func<HubEvent, bool> match)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                if (_received.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await _arrived.WaitAsync(timeout.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            _arrived.Dispose();
        }
    }
}
