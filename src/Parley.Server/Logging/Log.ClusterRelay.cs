namespace Parley.Server.Logging;

internal static partial class Log
{
    [LoggerMessage(6310, LogLevel.Warning, "A live push relayed from another node on {Topic} could not be delivered here")]
    public static partial void ClusterRelayFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(6311, LogLevel.Warning, "Two nodes appended to chat {ConversationId} at once; the database kept one, the other is retried with the next sequence number")]
    public static partial void ChatAppendRaced(ILogger logger, Guid conversationId);
}
