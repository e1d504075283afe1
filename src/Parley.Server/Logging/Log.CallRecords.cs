namespace Parley.Server.Logging;

/// <summary>Call records (52xx).</summary>
internal static partial class Log
{
    [LoggerMessage(5221, LogLevel.Error, "Saving a batch of {Count} call records failed; every save in it fails")]
    public static partial void CallRecordBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(5222, LogLevel.Warning, "Closed {Calls} open call records and {Legs} open legs of node '{NodeId}' left by its last run or its failure (node_failure)")]
    public static partial void OpenCallsClosed(ILogger logger, int calls, int legs, string nodeId);

    [LoggerMessage(5223, LogLevel.Warning, "The interaction {InteractionId} of a call that died with its node could not be released in routing yet; trying again")]
    public static partial void OrphanedInteractionNotReleased(ILogger logger, Exception exception, Guid interactionId);

    [LoggerMessage(5224, LogLevel.Warning, "Node '{NodeId}' ({Silo}) was declared dead by the cluster; closing the calls it held")]
    public static partial void NodeDeclaredDead(ILogger logger, string nodeId, string silo);

    [LoggerMessage(5225, LogLevel.Error, "Closing the calls of dead node '{NodeId}' failed; trying again at the next membership change")]
    public static partial void DeadNodeCallsNotClosed(ILogger logger, Exception exception, string nodeId);
}
