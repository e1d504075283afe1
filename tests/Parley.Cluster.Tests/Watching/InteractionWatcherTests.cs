using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Watching;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;
using Notices = System.Threading.Channels.Channel;

namespace Parley.Cluster.Tests.Watching;

/// <summary>
/// A call lives on the node that answered it; its tenant's routing grain may live on another. The call watches its
/// interaction through an observer; these tests run two silos and keep the watcher on the silo that does not host
/// the grain.
/// </summary>
public sealed class InteractionWatcherTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task WatcherOnTheOtherSilo_HearsTheOfferTheWithdrawalAndTheEnd()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await grain.Tick();
        var (watcherSilo, watcher, reference) = await WatcherAwayFromAsync(tenant);

        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));
        Assert.Equal(RoutingResult.Ok, await grain.SetAvailable("agent-1", false));
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-1", "sales", Channel.Voice, 0, [], Watcher: reference)));

        var offered = await watcher.NextAsync();
        Assert.Equal(InteractionNoticeKind.Offered, offered.Kind);
        Assert.Equal("agent-1", offered.AgentId);
        Assert.NotNull(offered.ExpiresAt);

        Assert.Equal(RoutingResult.Ok, await grain.Reject("call-1", "agent-1"));
        var withdrawn = await watcher.NextAsync(InteractionNoticeKind.OfferWithdrawn);
        Assert.Equal(InteractionNoticeKind.OfferWithdrawn, withdrawn.Kind);
        Assert.Equal("rejected", withdrawn.Detail);

        Assert.Equal(RoutingResult.Ok, await grain.Abandon("call-1"));
        Assert.Equal(InteractionNoticeKind.Ended, (await watcher.NextAsync(InteractionNoticeKind.Ended)).Kind);
        GC.KeepAlive(watcherSilo);
    }

    [Fact]
    public async Task AfterTheGrainIsRebuilt_ReWatchingRestoresTheNotices()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await grain.Tick();
        var (_, watcher, reference) = await WatcherAwayFromAsync(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-2", "support", Channel.Voice, 0, [], Watcher: reference)));

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(1, await grain.Watch([new WatchEntry("call-2", reference), new WatchEntry("no-such-call", reference)])); // the rebuilt grain knows the waiting call only

        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-2", null));
        Assert.Equal(RoutingResult.Ok, await grain.SetAvailable("agent-2", false));
        var offered = await watcher.NextAsync(InteractionNoticeKind.Offered);
        Assert.Equal("agent-2", offered.AgentId);
    }

    [Fact]
    public async Task RefusedEnqueue_LeavesNoWatcherBehind()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var (_, watcher, reference) = await WatcherAwayFromAsync(tenant);

        Assert.NotEqual(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-3", "no-such-queue", Channel.Voice, 0, [], Watcher: reference)));
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-3b", "sales", Channel.Voice, 0, [])));
        Assert.Equal(RoutingResult.Ok, await grain.Abandon("call-3b"));
        Assert.False(watcher.HasAny);
    }

    /// <summary>Creates the watcher inside the silo that does not host the tenant's grain.</summary>
    private async Task<(SiloHandle Silo, RecordingWatcher Watcher, IInteractionWatcher Reference)> WatcherAwayFromAsync(Guid tenant)
    {
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await grain.GetQueues();
        var statistics = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var hostAddress = statistics.First(s => s.GrainId == grain.GetGrainId()).SiloAddress;
        var away = fixture.Cluster.Silos.First(s => !s.SiloAddress.Equals(hostAddress));
        var factory = ((InProcessSiloHandle)away).SiloHost.Services.GetRequiredService<IGrainFactory>();
        var watcher = new RecordingWatcher();
        return (away, watcher, factory.CreateObjectReference<IInteractionWatcher>(watcher));
    }

    private sealed class RecordingWatcher : IInteractionWatcher
    {
        private readonly System.Threading.Channels.Channel<InteractionNotice> _notices = Notices.CreateUnbounded<InteractionNotice>();

        public bool HasAny => _notices.Reader.TryPeek(out _);

        public Task OnNotice(InteractionNotice notice)
        {
            _notices.Writer.TryWrite(notice);
            return Task.CompletedTask;
        }

        public async Task<InteractionNotice> NextAsync(InteractionNoticeKind? kind = null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var notice = await _notices.Reader.ReadAsync(timeout.Token);
                if (kind is null || notice.Kind == kind)
                {
                    return notice;
                }
            }
        }
    }
}
