namespace Parley.Server.Logging;

/// <summary>Report aggregates (8330–8339).</summary>
internal static partial class Log
{
    [LoggerMessage(8330, LogLevel.Debug, "Contacts of tenant {TenantId} from {From} to {Until} stored as {Rows} quarter-hour aggregates")]
    public static partial void ContactIntervalsClosed(ILogger logger, Guid tenantId, DateTimeOffset from, DateTimeOffset until, int rows);

    [LoggerMessage(8331, LogLevel.Error, "Closing report aggregates failed; the next round retries")]
    public static partial void ContactIntervalsRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(8332, LogLevel.Information, "Report aggregates of tenant {TenantId} from {From} deleted for a rebuild ({Rows} rows); the next rounds close them again")]
    public static partial void ContactIntervalsRebuilding(ILogger logger, Guid tenantId, DateTimeOffset from, int rows);

    [LoggerMessage(8333, LogLevel.Debug, "Quarter hour {Quarter} of tenant {TenantId} summed again after {Changes} late changes to its records")]
    public static partial void ContactIntervalSummedAgain(ILogger logger, Guid tenantId, DateTimeOffset quarter, int changes);
}
