using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Routing;

/// <summary>Log messages of the routing grain. Event ids 6xxx.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Routing of tenant {TenantId} activated as epoch {Epoch}: {Queues} queues, {Agents} agents, {Waiting} waiting and {Active} active interactions restored ({Dropped} stored facts no longer fit)")]
    public static partial void Activated(ILogger logger, Guid tenantId, long epoch, int queues, int agents, int waiting, int active, int dropped);

    [LoggerMessage(6002, LogLevel.Information, "Routing of tenant {TenantId} deactivated ({Reason})")]
    public static partial void Deactivated(ILogger logger, Guid tenantId, string reason);

    [LoggerMessage(6003, LogLevel.Error, "Routing of tenant {TenantId} could not save its changes; the grain rebuilds from the store")]
    public static partial void SaveFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(6006, LogLevel.Warning, "Routing of tenant {TenantId}: another activation claimed the tenant after epoch {Epoch}; this one wrote nothing and steps down")]
    public static partial void OwnershipLost(ILogger logger, Guid tenantId, long epoch);

    [LoggerMessage(6004, LogLevel.Information, "Routing of tenant {TenantId} now counts days in {TimeZone}; today is {Day}")]
    public static partial void TimeZoneChanged(ILogger logger, Guid tenantId, string timeZone, DateOnly day);

    [LoggerMessage(6005, LogLevel.Warning, "Routing of tenant {TenantId}: time zone '{TimeZone}' is unknown on this machine; days are counted in UTC")]
    public static partial void UnknownTimeZone(ILogger logger, Guid tenantId, string timeZone);
}
