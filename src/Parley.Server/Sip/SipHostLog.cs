namespace Parley.Server.Sip;

/// <summary>Log lines of the SIP hosting; event ids 6xxx of the server's table (see Logging/Log.cs for the others).</summary>
internal static partial class SipHostLog
{
    [LoggerMessage(6002, LogLevel.Information, "SIP listeners disabled (Parley:Sip:Enabled=false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(6003, LogLevel.Information, "SIP host stopping after {Uptime}; the listeners close with the container")]
    public static partial void Stopped(ILogger logger, TimeSpan uptime);

    [LoggerMessage(6004, LogLevel.Information, "Demo SIP credentials for {Count} users in realm {Realm}")]
    public static partial void DemoCredentialsSeeded(ILogger logger, int count, string realm);

    [LoggerMessage(6005, LogLevel.Debug, "Swept {Count} expired SIP registrations")]
    public static partial void ExpiredRegistrationsSwept(ILogger logger, int count);

    [LoggerMessage(6006, LogLevel.Warning, "Sweeping expired SIP registrations failed; trying again next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(6011, LogLevel.Warning, "Reloading the number directory for admission control failed; the previous numbers and trunks stay in use")]
    public static partial void DirectoryReloadFailed(ILogger logger, Exception exception);
}
