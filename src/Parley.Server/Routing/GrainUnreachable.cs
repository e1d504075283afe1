using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Parley.Cluster.Routing.Ports;

namespace Parley.Server.Routing;

/// <summary>
/// The failures Orleans reports for a grain whose node has just died: its messages are refused, or the connection to
/// that node fails, until the cluster declares the node dead and a survivor activates the grain (a few seconds,
/// <c>Parley:Cluster:ProbeTimeout</c>). Also the answer of a duplicate activation that has just stepped down because
/// another one owns the tenant (<see cref="RoutingOwnershipLostException"/>). Such a failure is worth retrying, and is
/// not the server's fault.
/// </summary>
internal static class GrainUnreachable
{
    public static bool Is(Exception exception) =>
        exception is OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or RoutingOwnershipLostException;
}
