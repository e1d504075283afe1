using System.Net;

namespace Parley.Cluster.Hosting;

/// <summary>
/// Where a silo of an ADO.NET (PostgreSQL) cluster keeps its membership and reminders, and how the other silos reach it.
/// </summary>
/// <param name="ConnectionString">PostgreSQL database shared by every node (Orleans' tables are created in it at start).</param>
/// <param name="ClusterId">Silos with the same cluster id form one cluster.</param>
/// <param name="ServiceId">Stable name of the service across deployments (keys reminders).</param>
/// <param name="AdvertisedAddress">The address other silos use to reach this one; never a wildcard.</param>
/// <param name="SiloPort">Silo-to-silo port.</param>
/// <param name="GatewayPort">Port for Orleans clients; 0 = none (Parley's nodes host their silo and need none).</param>
/// <param name="ListenAddress">Address the silo port binds (default: the advertised address), e.g. <c>0.0.0.0</c> behind NAT.</param>
public sealed record AdoNetClusterSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    IPAddress AdvertisedAddress,
    int SiloPort,
    int GatewayPort = 0,
    IPAddress? ListenAddress = null);
