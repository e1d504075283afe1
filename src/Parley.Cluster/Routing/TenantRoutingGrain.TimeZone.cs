namespace Parley.Cluster.Routing;

internal sealed partial class TenantRoutingGrain
{
    public async Task<string> RefreshTimeZone()
    {
        var zone = await LoadZoneAsync(CancellationToken.None);
        if (zone.Id != _rollover.Zone.Id)
        {
            _rollover.ChangeZone(zone, time.GetUtcNow());
            Log.TimeZoneChanged(logger, _tenantId, zone.Id, _rollover.Day);
        }

        return zone.Id;
    }

    /// <summary>The tenant's zone from the host; UTC when it has none or this machine does not know it.</summary>
    private async Task<TimeZoneInfo> LoadZoneAsync(CancellationToken cancellationToken)
    {
        var id = await timeZones.LoadTimeZoneAsync(_tenantId, cancellationToken);
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        Log.UnknownTimeZone(logger, _tenantId, id);
        return TimeZoneInfo.Utc;
    }
}
