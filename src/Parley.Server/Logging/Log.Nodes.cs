namespace Parley.Server.Logging;

/// <summary>Node drain (54xx).</summary>
internal static partial class Log
{
    [LoggerMessage(5401, LogLevel.Warning, "Draining: no new calls or chats on this node; waiting up to {Limit} for its {Calls} live calls")]
    public static partial void DrainStarted(ILogger logger, int calls, TimeSpan limit);

    [LoggerMessage(5402, LogLevel.Information, "Drained: no call left on this node")]
    public static partial void DrainFinished(ILogger logger);

    [LoggerMessage(5403, LogLevel.Warning, "Drain limit {Limit} reached: ended the {Ended} calls left (node_drain)")]
    public static partial void DrainEndedCalls(ILogger logger, int ended, TimeSpan limit);

    [LoggerMessage(5404, LogLevel.Error, "The drain failed; the node stops anyway")]
    public static partial void DrainFailed(ILogger logger, Exception exception);
}
