namespace Parley.Server.Logging;

/// <summary>Call records (52xx).</summary>
internal static partial class Log
{
    [LoggerMessage(5221, LogLevel.Error, "Saving a batch of {Count} call records failed; every save in it fails")]
    public static partial void CallRecordBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(5222, LogLevel.Warning, "Closed {Calls} open call records and {Legs} open legs of node '{NodeId}' left by its last run (node_failure)")]
    public static partial void OpenCallsClosed(ILogger logger, int calls, int legs, string nodeId);
}
