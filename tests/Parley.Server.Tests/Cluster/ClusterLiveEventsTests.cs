using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application.InternalChat;
using Parley.Server.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// The web app's in-process subscriptions (an agent's workspace circuit, a tenant's supervisor feed) on the node that does
/// not host the tenant's grain hear its events, relayed over Redis, once each; so does a workspace's internal chat.
/// </summary>
public sealed class ClusterLiveEventsTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgentsWorkspaceOnTheOtherNode_HearsTheirStateAndTheirOffer_OnceEach()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        await cluster.A.GiveDemoAgentsDeskPhonesAsync();
        var tenant = await cluster.A.DemoTenantIdAsync();
        var (hosting, away) = await ClusterGrains.SplitAsync(cluster, tenant);
        using var api = await hosting.ApiClientAsync();
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var alice = (await api.IdByAsync("/api/v1/agents", "extension", "1001")).ToString("D");
        var workspace = new Received();
        var feed = new Received();
        using var circuit = away.Services.GetRequiredService<AgentEventSubscriptions>().Subscribe(tenant, alice, workspace.AddAsync);
        using var supervisor = away.Services.GetRequiredService<TenantEventSubscriptions>().Subscribe(tenant, feed.AddAsync);

        using var aliceOnHost = await hosting.SignInDemoAsync("agent1");
        await aliceOnHost.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var id = (await api.CreateInteractionAsync(sales)).ToString();

        await workspace.WaitForAsync(e => e.Type == "agent.state-changed");
        var offered = await workspace.WaitForAsync(e => e.Type == "interaction.offered" && e.InteractionId == id);
        Assert.Equal(alice, offered.AgentId);
        Assert.Equal("Voice", offered.Data["channel"]);
        await feed.WaitForAsync(e => e.Type == "interaction.queued" && e.InteractionId == id);
        await feed.WaitForAsync(e => e.Type == "interaction.offered" && e.InteractionId == id);
        Assert.Single(workspace.All, e => e.Type == "interaction.offered" && e.InteractionId == id);
        Assert.Single(feed.All, e => e.Type == "interaction.queued" && e.InteractionId == id);
        Assert.All(workspace.All, e => Assert.Equal(alice, e.AgentId));
    }

    [Fact]
    public async Task AnInternalChatMessageSentOnOneNode_ReachesTheRecipientsWorkspaceOnTheOther_Once()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        var tenant = await cluster.A.DemoTenantIdAsync();
        using var admin = await cluster.A.SignInDemoAsync("admin");
        var from = await admin.CreateUserAsync(Names.Unique("xnode-a"), "agent");
        var to = (await admin.CreateUserAsync(Names.Unique("xnode-b"), "agent")).GetProperty("id").GetGuid();
        using var sender = await cluster.A.SignInAsync(ParleyAppFactory.DemoTenant, from.GetProperty("userName").GetString()!, HttpClientExtensions.UserPassword);
        var received = new ConcurrentQueue<InternalMessageView>();
        var arrived = new SemaphoreSlim(0);
        using var workspace = cluster.B.Services.GetRequiredService<InternalChatEvents>().Subscribe(tenant, to, message =>
        {
            received.Enqueue(message);
            arrived.Release();
            return Task.CompletedTask;
        });

        await sender.PostJsonAsync($"/api/v1/internal-chat/{to}/messages", new { text = "Can you take the next call?" }, 201);

        Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(30), Cancellation));
        var message = Assert.Single(received);
        Assert.Equal(("Can you take the next call?", to, from.GetProperty("id").GetGuid()), (message.Text, message.ToUserId, message.FromUserId));
    }

    private sealed class Received
    {
        private readonly ConcurrentQueue<RoutingEventMessage> _events = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public IReadOnlyList<RoutingEventMessage> All => [.. _events];

        public Task AddAsync(IReadOnlyList<RoutingEventMessage> events)
        {
            foreach (var e in events)
            {
                _events.Enqueue(e);
            }

            _arrived.Release();
            return Task.CompletedTask;
        }

        public async Task<RoutingEventMessage> WaitForAsync(Func<RoutingEventMessage, bool> match)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                if (_events.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await _arrived.WaitAsync(timeout.Token);
            }
        }
    }
}
