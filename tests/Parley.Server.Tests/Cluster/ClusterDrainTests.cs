using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Server.Tests.Acd;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// The operator on one node of a two-node cluster lists both nodes and drains the other one: the drain travels through
/// Orleans (the other node's node grain), and that node, holding no call, stops.
/// </summary>
public sealed class ClusterDrainTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    [Fact]
    public async Task TheOperatorOnNodeA_SeesBothNodes_AndDrainsNodeB_WhichStops()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        var lifetimeOfB = cluster.B.Services.GetRequiredService<IHostApplicationLifetime>();
        using var operatorOnA = await cluster.A.SignInOperatorAsync();
        var listed = (await operatorOnA.JsonAsync("/api/v1/platform/nodes")).GetProperty("items");
        Assert.Equal(
            [("node-a", "active"), ("node-b", "active")],
            listed.EnumerateArray().Select(n => (n.GetProperty("id").GetString(), n.GetProperty("status").GetString())));

        var drained = await operatorOnA.PostJsonAsync("/api/v1/platform/nodes/node-b/drain", new { }, 202);

        Assert.Equal(("node-b", "draining"), (drained.GetProperty("id").GetString(), drained.GetProperty("status").GetString()));
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(20);
        while (!lifetimeOfB.ApplicationStopping.IsCancellationRequested && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(lifetimeOfB.ApplicationStopping.IsCancellationRequested, "node B stops once drained (it held no call)");
        Assert.False(cluster.A.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "node A carries on");
    }
}
