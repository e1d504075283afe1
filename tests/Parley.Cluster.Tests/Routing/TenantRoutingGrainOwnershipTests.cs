using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;

namespace Parley.Cluster.Tests.Routing;

/// <summary>
/// One writer per tenant, even when the cluster briefly runs two activations of its routing grain (a node joining):
/// the activation that claimed the tenant last owns it, and the other one writes nothing and steps down.
/// </summary>
public sealed class TenantRoutingGrainOwnershipTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task AnActivationWhoseTenantWasClaimedElsewhere_WritesNothing_AndTheRetryReachesANewOwner()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Chat, 0, [])));

        Store.ClaimElsewhere(tenant);
        var lost = await Assert.ThrowsAsync<RoutingOwnershipLostException>(() => grain.Enqueue(new EnqueueCommand("second", "sales", Channel.Chat, 0, [])));
        Assert.Contains(tenant.ToString(), lost.Message, StringComparison.Ordinal);
        Assert.Null(Store.StatusOf(tenant, "second"));

        var retried = await RetryWhileOwnershipMovesAsync(() => grain.Enqueue(new EnqueueCommand("second", "sales", Channel.Chat, 0, [])));

        Assert.Equal(RoutingResult.Ok, retried);
        Assert.Equal(2, Store.LoadsOf(tenant));
        Assert.Equal(["first", "second"], (await grain.GetWaiting("sales")).Select(w => w.InteractionId));
        Assert.Equal(["first", "second"], Store.Waiting(tenant).Select(w => w.InteractionId));
    }

    [Fact]
    public async Task AClaimMadeWhileASaveIsOpen_FailsThatSave_AndKeepsWhatWasSavedBefore()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", "lunch"));
        var release = new TaskCompletionSource();
        var started = Store.HoldSaves(tenant, release.Task);

        var held = grain.Enqueue(new EnqueueCommand("held", "sales", Channel.Voice, 0, []));
        await started;
        Store.ClaimElsewhere(tenant);
        Store.ReleaseSaves(tenant);
        release.SetResult();

        await Assert.ThrowsAsync<RoutingOwnershipLostException>(() => held);
        Assert.Null(Store.StatusOf(tenant, "held"));
        Assert.True(Store.IsSignedIn(tenant, "agent-1"));
    }

    private static async Task<RoutingResult> RetryWhileOwnershipMovesAsync(Func<Task<RoutingResult>> command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await command();
            }
            catch (RoutingOwnershipLostException) when (attempt < 50)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }
}
