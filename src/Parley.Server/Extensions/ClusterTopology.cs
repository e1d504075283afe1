using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using Parley.Cluster.Hosting;
using Parley.Server.Options;
using Parley.Server.Options.Validation;
using StackExchange.Redis;

namespace Parley.Server.Extensions;

/// <summary>
/// How this node joins its cluster, read and checked from configuration before the silo is built (the silo cannot
/// wait for the options pipeline): <c>Parley:Cluster</c>, the PostgreSQL connection string of an AdoNet cluster and
/// <c>Parley:Redis</c>. Every problem is reported at once, naming its key, as an <see cref="OptionsValidationException"/>.
/// </summary>
internal sealed record ClusterTopology(ClusterHostOptions Options, AdoNetClusterSettings? AdoNet, string? Redis)
{
    /// <summary><c>ConnectionStrings:ParleyCluster</c>: the cluster's database when it is not Parley's own.</summary>
    public const string ClusterConnectionStringName = "ParleyCluster";

    /// <summary>The StackExchange.Redis configuration string (<c>host:port,password=…</c>) of the SignalR backplane.</summary>
    public const string RedisKey = "Parley:Redis";

    public static ClusterTopology Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterHostOptions.Section).Get<ClusterHostOptions>() ?? new ClusterHostOptions();
        var problems = new List<string>();
        var annotations = new SectionValidator<ClusterHostOptions>(ClusterHostOptions.Section, new ClusterHostOptionsValidator()).Validate(null, options);
        if (annotations.Failed)
        {
            problems.AddRange(annotations.Failures);
        }

        var redis = configuration[RedisKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            redis = null;
        }
        else if (!ParsesAsRedis(redis))
        {
            problems.Add($"{RedisKey} is not a Redis configuration string (host:port[,option=value…]).");
        }

        var adoNet = options.Mode == ClusterMode.AdoNet ? AdoNetSettings(configuration, options, problems) : null;
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(ClusterHostOptions.Section, typeof(ClusterHostOptions), problems);
        }

        return new ClusterTopology(options, adoNet, redis);
    }

    private static AdoNetClusterSettings? AdoNetSettings(IConfiguration configuration, ClusterHostOptions options, List<string> problems)
    {
        var section = ClusterHostOptions.Section;
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            problems.Add($"{section}:Mode=AdoNet needs Parley:Database:Provider=Postgres: every node must read and write the same records.");
        }

        var connectionString = configuration.GetConnectionString(ClusterConnectionStringName) is { Length: > 0 } own
            ? own
            : database.Provider == DatabaseProvider.Postgres ? configuration.GetConnectionString(DataExtensions.ConnectionStringName) : null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problems.Add($"{section}:Mode=AdoNet needs a PostgreSQL connection string: ConnectionStrings:{ClusterConnectionStringName}, or ConnectionStrings:{DataExtensions.ConnectionStringName} with Parley:Database:Provider=Postgres.");
        }
        else if (!ParsesAsPostgres(connectionString))
        {
            problems.Add($"ConnectionStrings:{ClusterConnectionStringName} (or ConnectionStrings:{DataExtensions.ConnectionStringName}) is not a PostgreSQL connection string.");
        }

        IPAddress? advertised = null;
        if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            problems.Add($"{section}:AdvertisedAddress is required with {section}:Mode=AdoNet: the IP address the other nodes reach this one on.");
        }
        else if (!IPAddress.TryParse(options.AdvertisedAddress, out advertised) || advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any))
        {
            problems.Add($"{section}:AdvertisedAddress must be this node's IP address, not a name or a wildcard: '{options.AdvertisedAddress}'.");
        }

        IPAddress? listen = null;
        if (!string.IsNullOrWhiteSpace(options.ListenAddress) && !IPAddress.TryParse(options.ListenAddress, out listen))
        {
            problems.Add($"{section}:ListenAddress must be an IP address: '{options.ListenAddress}'.");
        }

        if (options.SiloPort != 0 && options.SiloPort == options.GatewayPort)
        {
            problems.Add($"{section}:SiloPort and {section}:GatewayPort must differ.");
        }

        if (problems.Count > 0 || advertised is null || connectionString is null)
        {
            return null;
        }

        var siloPort = options.SiloPort == 0 ? FreePort(listen ?? advertised) : options.SiloPort;
        return new AdoNetClusterSettings(connectionString, options.ClusterId, options.ServiceId, advertised, siloPort, options.GatewayPort, listen);
    }

    /// <summary>A port free on <paramref name="address"/> now (the silo binds it a moment later).</summary>
    public static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool ParsesAsRedis(string value)
    {
        try
        {
            return ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool ParsesAsPostgres(string value)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 };
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
