namespace Parley.Server.Logging;

internal static partial class Log
{
    [LoggerMessage(6310, LogLevel.Warning, "A live push relayed from another node on {Topic} could not be delivered here")]
    public static partial void ClusterRelayFailed(ILogger logger, Exception exception, string topic);
}
