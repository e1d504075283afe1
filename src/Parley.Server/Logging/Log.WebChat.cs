namespace Parley.Server.Logging;

/// <summary>Web chat (82xx).</summary>
internal static partial class Log
{
    [LoggerMessage(8201, LogLevel.Error, "Storing a batch of {Count} chat messages failed")]
    public static partial void ChatMessageBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(8202, LogLevel.Information, "Chat {ConversationId}: frame refused ({Reason}); socket closed")]
    public static partial void ChatFrameRejected(ILogger logger, Guid conversationId, string reason);

    [LoggerMessage(8203, LogLevel.Information, "Chat {ConversationId} ended by the visitor (routing: {Result})")]
    public static partial void ChatEndedByCustomer(ILogger logger, Guid conversationId, string result);

    [LoggerMessage(8205, LogLevel.Warning, "Chat {ConversationId}: the visitor's socket failed")]
    public static partial void ChatSessionFailed(ILogger logger, Exception exception, Guid conversationId);

    [LoggerMessage(8204, LogLevel.Warning, "Announcing the queue position of chat {ConversationId} failed")]
    public static partial void ChatPositionFailed(ILogger logger, Exception exception, Guid conversationId);

    [LoggerMessage(8206, LogLevel.Information, "Chat {ConversationId}: transcript e-mailed")]
    public static partial void TranscriptSent(ILogger logger, Guid conversationId);

    [LoggerMessage(8207, LogLevel.Warning, "Chat {ConversationId}: e-mailing the transcript failed (attempt {Attempt}); it will be retried")]
    public static partial void TranscriptFailed(ILogger logger, Exception exception, Guid conversationId, int attempt);

    [LoggerMessage(8209, LogLevel.Information, "Chat {ConversationId} ended: its visitor never connected within {Timeout} (routing: {Result})")]
    public static partial void ChatNeverOpened(ILogger logger, Guid conversationId, TimeSpan timeout, string result);

    [LoggerMessage(8211, LogLevel.Information, "{Count} chats open at start: ended unless their visitor comes back within {Timeout}")]
    public static partial void OpenChatsWatched(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(8210, LogLevel.Warning, "Ending never-opened chat {ConversationId} failed")]
    public static partial void ChatNeverOpenedFailed(ILogger logger, Exception exception, Guid conversationId);

    [LoggerMessage(8208, LogLevel.Error, "Reading the transcript outbox failed")]
    public static partial void TranscriptOutboxFailed(ILogger logger, Exception exception);
}
