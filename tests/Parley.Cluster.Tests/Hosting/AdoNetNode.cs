using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Cluster.Hosting;
using Parley.Cluster.Tests.Support;

namespace Parley.Cluster.Tests.Hosting;

/// <summary>
/// One node of an AdoNet cluster in this process: a generic host with a silo configured the way the server configures
/// it (<see cref="AdoNetClusteringExtensions.UseParleyAdoNetClustering"/>) on a loopback port, with the tests' shared store.
/// </summary>
public sealed class AdoNetNode : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private AdoNetNode(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<AdoNetNode> StartAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseParleyAdoNetClustering(new AdoNetClusterSettings(connectionString, clusterId, clusterId, IPAddress.Loopback, FreePort()));
            silo.AddMemoryGrainStorageAsDefault();
            new TestSiloConfigurator().Configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new AdoNetNode(host);
    }

    /// <summary>
    /// Waits until this node's view of the membership holds <paramref name="count"/> active silos. A node that has not yet
    /// read a newcomer from the table places grains by a directory ring without it, so a grain could be activated twice
    /// for a moment; a cluster is used once its nodes agree on who is in it.
    /// </summary>
    public async Task WaitForActiveSilosAsync(int count, CancellationToken cancellationToken)
    {
        var membership = _host.Services.GetRequiredService<IClusterMembershipService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Stops the node the way SIGTERM does: its grains deactivate and it leaves the membership table.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
