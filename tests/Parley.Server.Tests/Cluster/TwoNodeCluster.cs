using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Parley.Testing.Postgres;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// Two Parley servers forming one cluster on a throwaway PostgreSQL and a throwaway redis-server. Node A starts (and
/// migrates, and seeds the demo tenant) before node B, as an operator brings up the first node before the others.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly PostgresCluster _postgres = new();
    private string? _dataDirectory;

    public RedisServer? Redis { get; private set; }

    public ClusterNodeFactory A { get; private set; } = null!;

    public ClusterNodeFactory B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (RedisServer.Executable is null)
        {
            return;
        }

        await _postgres.InitializeAsync();
        var database = await _postgres.CreateDatabaseAsync("parley_cluster");
        Redis = await RedisServer.StartAsync(TestContext.Current.CancellationToken);
        _dataDirectory = Directory.CreateTempSubdirectory("parley-cluster-tests-").FullName;
        var clusterId = $"c{Guid.NewGuid():N}";
        A = new ClusterNodeFactory(database, clusterId, Redis.Configuration, _dataDirectory, "node-a");
        A.CreateClient().Dispose();
        B = new ClusterNodeFactory(database, clusterId, Redis.Configuration, _dataDirectory, "node-b");
        B.CreateClient().Dispose();

        // Used once both nodes agree who is in the cluster: a node that has not read the newcomer yet places grains by a
        // directory ring without it, and a grain could be activated on each for a moment.
        foreach (var node in new[] { A, B })
        {
            var membership = node.Services.GetRequiredService<IClusterMembershipService>();
            for (var wait = 0; wait < 600 && membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < 2; wait++)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Redis is null)
        {
            return;
        }

        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        await _postgres.DisposeAsync();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
