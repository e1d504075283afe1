using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Parley.Cluster.Hosting;

/// <summary>Configures a silo as one node of a cluster whose membership and reminders live in PostgreSQL.</summary>
public static class AdoNetClusteringExtensions
{
    /// <summary>The ADO.NET invariant of Npgsql, the provider Orleans loads for PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Orleans' ADO.NET clustering and reminders on <see cref="AdoNetClusterSettings.ConnectionString"/>, their tables
    /// created before the silo joins (<see cref="OrleansSchema"/>), and the silo's endpoints.
    /// </summary>
    public static ISiloBuilder UseParleyAdoNetClustering(this ISiloBuilder silo, AdoNetClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = settings.ConnectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = settings.ConnectionString;
        });
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedAddress;
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            var listen = settings.ListenAddress ?? settings.AdvertisedAddress;
            o.SiloListeningEndpoint = new IPEndPoint(listen, settings.SiloPort);
            o.GatewayListeningEndpoint = settings.GatewayPort == 0 ? null : new IPEndPoint(listen, settings.GatewayPort);
        });
        silo.ConfigureServices(services =>
        {
            services.AddSingleton(settings);
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, OrleansSchemaStartup>();
        });
        return silo;
    }
}
