using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// Two servers in cluster mode AdoNet with the Redis backplane: one tenant grain for the cluster, and a supervisor
/// connected to the node that does not host it hears the events of work created through the other node, and a plan
/// saved on one node applies on the other at once.
/// </summary>
public sealed class ClusterBackplaneTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASupervisorOnOneNode_HearsTheEventsOfAnInteractionCreatedThroughTheOther()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        var tenant = await cluster.A.DemoTenantIdAsync();
        using var apiOnA = await cluster.A.ApiClientAsync();
        var sales = await apiOnA.IdByAsync("/api/v1/queues", "name", "Sales");
        _ = await apiOnA.JsonAsync($"/api/v1/queues/{sales}/waiting");

        // The tenant's grain lives on one node; listen on the other, create the work on the grain's node.
        var host = await ClusterGrains.HostOfAsync(cluster.A, tenant);
        var (hosting, away) = host.Equals(ClusterGrains.SiloOf(cluster.A)) ? (cluster.A, cluster.B) : (cluster.B, cluster.A);
        Assert.Equal(host, await ClusterGrains.HostOfAsync(cluster.B, tenant));
        await using var supervisor = await ListenAsync(away, await away.GetDemoTokenAsync());

        using var api = await hosting.ApiClientAsync();
        var id = (await api.CreateInteractionAsync(sales)).ToString();

        var queued = await supervisor.WaitForAsync(e => e.InteractionId == id);
        Assert.Equal("interaction.queued", queued.Type);
    }

    [Fact]
    public async Task BothNodes_ServeTheSameTenantGrain_AndSeeEachOthersWork()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        using var apiOnA = await cluster.A.ApiClientAsync();
        using var apiOnB = await cluster.B.ApiClientAsync();
        var support = await apiOnA.IdByAsync("/api/v1/queues", "name", "Support");
        var first = await apiOnA.CreateInteractionAsync(support);
        var second = await apiOnB.CreateInteractionAsync(support);

        foreach (var api in new[] { apiOnA, apiOnB })
        {
            var waiting = (await api.JsonAsync($"/api/v1/queues/{support}/waiting")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.Contains(first, waiting);
            Assert.Contains(second, waiting);
        }
    }

    [Fact]
    public async Task APlanSavedOnOneNode_LimitsTheTenantsApiOnTheOtherAtOnce()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        var tenant = await cluster.A.CreateOtherTenantAsync("noderate");
        using var adminOnB = await cluster.B.SignInAsync(tenant.Slug, tenant.AdminUserName, tenant.AdminPassword);
        using (var before = await adminOnB.GetAsync("/api/v1/queues", Cancellation))
        {
            Assert.Equal(200, (int)before.StatusCode); // node B now holds "no limit" for this tenant in its 30-s cache
        }

        using var platformOnA = await cluster.A.SignInOperatorAsync();
        using (var set = await platformOnA.PutJsonAsync($"/api/v1/platform/tenants/{tenant.TenantId}/plan", new { apiRequestsPerMinute = 2 }, "*"))
        {
            await set.ExpectAsync(200);
        }

        var answers = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await adminOnB.GetAsync("/api/v1/queues", Cancellation);
            answers.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 429, 429], answers);
    }

    private static async Task<Listener> ListenAsync(ParleyAppFactory node, string bearer)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "/hubs/routing"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
            })
            .Build();
        var listener = new Listener(connection);
        connection.On<JsonElement[]>("routing", listener.Add);
        await connection.StartAsync(Cancellation);

        // StartAsync returns at the handshake, before the hub's OnConnectedAsync has put the connection in its groups (on a
        // busy machine the event came first and was missed). SignalR reads a connection's first invocation only after
        // OnConnectedAsync, so the answer to one — the hub has no methods, so a refusal — says the connection is in its groups.
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("joined", Cancellation));
        return listener;
    }

    private sealed record HubEvent(string Type, string? InteractionId);

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        private readonly ConcurrentQueue<HubEvent> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public void Add(JsonElement[] events)
        {
            foreach (var e in events)
            {
                _received.Enqueue(new HubEvent(e.GetProperty("type").GetString()!, e.GetProperty("interactionId").GetString()));
            }

            _arrived.Release();
        }

        public async Task<HubEvent> WaitForAsync(Func<HubEvent, bool> match)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
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

        public async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }
}
