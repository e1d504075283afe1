namespace Parley.Cluster.Routing;

/// <summary>
/// Tells the heartbeat when a new UTC day has begun, so "today" queue statistics (answered, abandoned, service
/// level) start again at midnight. Per-tenant time zones come with tenant settings; until then the day is UTC.
/// </summary>
internal sealed class DailyRollover(DateTimeOffset start)
{
    private DateOnly _day = DateOnly.FromDateTime(start.UtcDateTime);

    /// <summary>True once for the first instant seen on a later day than the last one.</summary>
    public bool Crossed(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today <= _day)
        {
            return false;
        }

        _day = today;
        return true;
    }
}
