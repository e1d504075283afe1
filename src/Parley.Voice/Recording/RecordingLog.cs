using Microsoft.Extensions.Logging;

namespace Parley.Voice.Recording;

internal static partial class RecordingLog
{
    [LoggerMessage(6130, LogLevel.Information, "Call {CallId}: recording {Path} finished ({Duration}, {Bytes} bytes, SHA-256 {Sha256}, {Pauses} pauses)")]
    public static partial void Finished(ILogger logger, Guid callId, string path, TimeSpan duration, long bytes, string sha256, int pauses);

    [LoggerMessage(6131, LogLevel.Warning, "Call {CallId}: recording could not be started or finished")]
    public static partial void Failed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(6135, LogLevel.Information, "Call {CallId}: voicemail {Path} ({Duration}, {Bytes} bytes, SHA-256 {Sha256}) queued in {Queue}")]
    public static partial void VoicemailQueued(ILogger logger, Guid callId, string path, TimeSpan duration, long bytes, string sha256, string queue);

    [LoggerMessage(6136, LogLevel.Warning, "Call {CallId}: voicemail for {Queue} not queued ({Reason})")]
    public static partial void VoicemailRefused(ILogger logger, Guid callId, string queue, string reason);
}
