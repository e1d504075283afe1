using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Cluster.Routing;
using Parley.Domain.Security;
using Parley.Routing.Agents;
using Parley.Server.Application.Supervision;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Application.Supervision;

/// <summary>
/// The live feed against the real server's database and routing grain, fed by its own event source so the test knows when a
/// change has been signalled: the first change is pushed at once, a storm within the push interval becomes one view at its end.
/// </summary>
public sealed class SupervisorFeedTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_change_is_pushed_at_once_and_a_storm_inside_the_interval_becomes_one_view_at_its_end()
    {
        var tenantId = await factory.DemoTenantIdAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        var agentId = (await admin.JsonAsync("/api/v1/agents?limit=200")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("extension").GetString() == "1001").GetProperty("id").GetGuid();
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenantId);
        var events = new TenantEventSubscriptions(NullLogger<TenantEventSubscriptions>.Instance);
        var feed = new SupervisorFeed(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), events, factory.Time,
            Microsoft.Extensions.Options.Options.Create(new SupervisionOptions { MinPushInterval = TimeSpan.FromMilliseconds(250) }), NullLogger<SupervisorFeed>.Instance);
        var views = new ConcurrentQueue<DashboardView>();
        var arrived = new SemaphoreSlim(0);
        var supervisor = new CurrentActor(tenantId, ParleyClaims.ActorUser, "test", "Test Supervisor", new HashSet<string> { Permissions.RealtimeRead });
        using var watch = feed.Watch(supervisor, view =>
        {
            views.Enqueue(view);
            arrived.Release();
            return Task.CompletedTask;
        }).Value!;

        await grain.SignIn(agentId.ToString(), null);
        var first = await NextAsync(views, arrived, events, tenantId);
        Assert.Equal(AgentState.Available, StateOf(first, agentId));

        await grain.SetNotReady(agentId.ToString(), "rest", forced: true);
        await ChangedAsync(events, tenantId);
        await grain.SetAvailable(agentId.ToString(), forced: true);
        await ChangedAsync(events, tenantId);
        await grain.SetNotReady(agentId.ToString(), "meeting", forced: true);
        await ChangedAsync(events, tenantId);
        factory.Time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.True(await arrived.WaitAsync(Wait, TestContext.Current.CancellationToken));
        var second = views.Last();
        Assert.True(second.At - first.At >= TimeSpan.FromMilliseconds(250), $"pushed {second.At - first.At} after the first view");
        Assert.Equal((AgentState.NotReady, "meeting"), (StateOf(second, agentId), second.Agents.Single(a => a.AgentId == agentId).Reason));

        await grain.SignOut(agentId.ToString(), forced: true);
        factory.Time.Advance(TimeSpan.FromMilliseconds(250));
        var third = await NextAsync(views, arrived, events, tenantId);
        Assert.Equal(AgentState.LoggedOut, StateOf(third, agentId));
        // Three changes inside one interval cost one view: first, the storm's, the sign-out's.
        Assert.Equal(3, views.Count);
    }

    [Fact]
    public async Task A_contact_that_keeps_waiting_is_pushed_as_a_service_level_miss_when_it_reaches_the_threshold_with_no_event()
    {
        var tenantId = await factory.DemoTenantIdAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        using var api = await factory.ApiClientAsync();
        var queue = (await admin.PostJsonAsync("/api/v1/queues", new { name = "Threshold watch", channels = new[] { "Email" }, serviceLevelTargetSeconds = 20 }, 201))
            .GetProperty("id").GetGuid();
        var events = new TenantEventSubscriptions(NullLogger<TenantEventSubscriptions>.Instance);
        var feed = new SupervisorFeed(
            factory.Services.GetRequiredService<IServiceScopeFactory>(), events, factory.Time,
            Microsoft.Extensions.Options.Options.Create(new SupervisionOptions()), NullLogger<SupervisorFeed>.Instance);
        var views = new ConcurrentQueue<DashboardView>();
        var arrived = new SemaphoreSlim(0);
        var supervisor = new CurrentActor(tenantId, ParleyClaims.ActorUser, "test", "Test Supervisor", new HashSet<string> { Permissions.RealtimeRead });
        using var watch = feed.Watch(supervisor, view =>
        {
            views.Enqueue(view);
            arrived.Release();
            return Task.CompletedTask;
        }).Value!;
        var contact = await api.CreateInteractionAsync(queue, "Email");
        try
        {
            factory.Time.Advance(TimeSpan.FromSeconds(19));

            var waiting = Row(await NextAsync(views, arrived, events, tenantId), queue);
            Assert.Equal((1, 0, (double?)null), (waiting.ContactsInQueue, waiting.Offered, waiting.ServiceLevel));

            // Nobody answers and nothing happens: at 20 s the contact is a miss, and the feed pushes that by itself.
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(await arrived.WaitAsync(Wait, TestContext.Current.CancellationToken), "no view pushed when the contact reached the threshold");
            var missed = Row(views.Last(), queue);
            Assert.Equal((1, 1, 0, (double?)0.0), (missed.ContactsInQueue, missed.Offered, missed.AnsweredWithinThreshold, missed.ServiceLevel));
        }
        finally
        {
            await api.PostAsync($"/api/v1/interactions/{contact}/abandon", 204); // no contact left waiting for the next test's agent
        }
    }

    [Fact]
    public void Watching_needs_realtime_read()
    {
        var feed = factory.Services.GetRequiredService<SupervisorFeed>();
        var agent = new CurrentActor(Guid.NewGuid(), ParleyClaims.ActorUser, "a", "Agent", new HashSet<string> { Permissions.AgentSelf });

        var refused = feed.Watch(agent, _ => Task.CompletedTask);

        Assert.Equal(Server.Application.AppErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Equal(0, feed.WatchedTenants);
    }

    private static Task ChangedAsync(TenantEventSubscriptions events, Guid tenantId) => events.PublishAsync(tenantId, []);

    private static async Task<DashboardView> NextAsync(ConcurrentQueue<DashboardView> views, SemaphoreSlim arrived, TenantEventSubscriptions events, Guid tenantId)
    {
        await ChangedAsync(events, tenantId);
        Assert.True(await arrived.WaitAsync(Wait, TestContext.Current.CancellationToken));
        return views.Last();
    }

    private static MetricRow Row(DashboardView view, Guid queueId) => view.Queues.Single(q => q.Key == queueId.ToString());

    private static AgentState StateOf(DashboardView view, Guid agentId) => view.Agents.Single(a => a.AgentId == agentId).State;
}
