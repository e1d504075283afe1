namespace Parley.Server.Hubs;

/// <summary>SignalR group names; every one carries the tenant id, so no group spans tenants.</summary>
public static class RoutingGroups
{
    public static string Supervisors(Guid tenantId) => $"t:{tenantId:N}:supervisors";

    public static string Agent(Guid tenantId, string agentId) => $"t:{tenantId:N}:agent:{agentId}";
}
