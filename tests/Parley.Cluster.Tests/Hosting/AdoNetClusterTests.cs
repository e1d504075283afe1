using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Parley.Cluster.Hosting;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;
using Parley.Testing.Postgres;

namespace Parley.Cluster.Tests.Hosting;

/// <summary>
/// Cluster mode AdoNet: two silos, each in its own host as on two machines, whose membership is a throwaway PostgreSQL
/// database. A tenant's routing grain lives once in the cluster, answers both nodes, and comes back on the survivor.
/// </summary>
public sealed class AdoNetClusterTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SchemaCreation_CreatesOrleansTablesOnce_EvenWhenNodesStartTogether()
    {
        var database = await postgres.CreateDatabaseAsync("orleans_schema");
        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OrleansSchema.EnsureCreatedAsync(database, NullLogger.Instance, Cancellation)));
        var again = await OrleansSchema.EnsureCreatedAsync(database, NullLogger.Instance, Cancellation);

        Assert.Equal(["queries", "clustering", "reminders"], together.Single(parts => parts.Count > 0));
        Assert.Equal(2, together.Count(parts => parts.Count == 0));
        Assert.Empty(again);
        Assert.Equal(17, await ScalarAsync<long>(database, "SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task ATenantGrain_IsActivatedOnceInTheCluster_AndBothNodesSeeTheSameState()
    {
        var database = await postgres.CreateDatabaseAsync("orleans_once");
        await using var a = await AdoNetNode.StartAsync(database, "once", Cancellation);
        await using var b = await AdoNetNode.StartAsync(database, "once", Cancellation);
        await Task.WhenAll(a.WaitForActiveSilosAsync(2, Cancellation), b.WaitForActiveSilosAsync(2, Cancellation));
        var tenant = Definitions.NewTenant(Store);

        Assert.Equal(RoutingResult.Ok, await a.Grains.GetGrain<ITenantRoutingGrain>(tenant).Enqueue(new EnqueueCommand("call-a", "sales", Channel.Voice, 0, [])));
        Assert.Equal(RoutingResult.Ok, await b.Grains.GetGrain<ITenantRoutingGrain>(tenant).Enqueue(new EnqueueCommand("call-b", "sales", Channel.Voice, 0, [])));

        var fromA = await a.Grains.GetGrain<ITenantRoutingGrain>(tenant).GetWaiting("sales");
        var fromB = await b.Grains.GetGrain<ITenantRoutingGrain>(tenant).GetWaiting("sales");
        Assert.Equal(["call-a", "call-b"], fromA.Select(w => w.InteractionId));
        Assert.Equal(["call-a", "call-b"], fromB.Select(w => w.InteractionId));

        var grainId = a.Grains.GetGrain<ITenantRoutingGrain>(tenant).GetGrainId();
        var activations = (await a.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Where(s => s.GrainId == grainId).Select(s => s.SiloAddress).ToList();
        Assert.Single(activations);
        Assert.Contains(activations[0], new[] { a.Address, b.Address });
        Assert.Equal(1, Store.LoadsOf(tenant));
        Assert.Equal(2L, await ScalarAsync<long>(database, "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'once' AND status = 3"));
    }

    [Fact]
    public async Task WhenTheNodeHostingATenantGrainStops_TheGrainComesBackOnTheOtherWithItsQueue()
    {
        var database = await postgres.CreateDatabaseAsync("orleans_failover");
        await using var a = await AdoNetNode.StartAsync(database, "failover", Cancellation);
        await using var b = await AdoNetNode.StartAsync(database, "failover", Cancellation);
        await Task.WhenAll(a.WaitForActiveSilosAsync(2, Cancellation), b.WaitForActiveSilosAsync(2, Cancellation));
        var tenant = Definitions.NewTenant(Store);
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(RoutingResult.Ok, await a.Grains.GetGrain<ITenantRoutingGrain>(tenant).Enqueue(new EnqueueCommand($"call-{n}", "sales", Channel.Voice, 0, [])));
        }

        var host = await HostOfAsync(a, tenant);
        var (hosting, survivor) = host.Equals(a.Address) ? (a, b) : (b, a);
        await hosting.StopAsync();

        var clock = Stopwatch.StartNew();
        var waiting = await EventuallyAsync(() => survivor.Grains.GetGrain<ITenantRoutingGrain>(tenant).GetWaiting("sales"));
        Assert.Equal(["call-0", "call-1", "call-2"], waiting.Select(w => w.InteractionId));
        Assert.Equal(survivor.Address, await HostOfAsync(survivor, tenant));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the grain took {clock.Elapsed} to come back");
        Assert.Equal(2, Store.LoadsOf(tenant));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = 'failover' AND status = 6"));
    }

    private static async Task<SiloAddress> HostOfAsync(AdoNetNode node, Guid tenant)
    {
        var grainId = node.Grains.GetGrain<ITenantRoutingGrain>(tenant).GetGrainId();
        var statistics = await node.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId == grainId).SiloAddress;
    }

    /// <summary>Calls until the cluster answers (it may first have to learn that a node left), for at most 30 s.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, Cancellation);
            }
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
