namespace Parley.Server.Logging;

internal static partial class Log
{
    [LoggerMessage(8111, LogLevel.Warning, "A web workspace subscriber of user {UserId} failed to take an internal chat message")]
    public static partial void InternalChatSubscriberFailed(ILogger logger, Exception exception, Guid userId);

    [LoggerMessage(8112, LogLevel.Warning, "The internal chat panel of user {UserId} could not re-read its state")]
    public static partial void InternalChatRefreshFailed(ILogger logger, Exception exception, string userId);
}
