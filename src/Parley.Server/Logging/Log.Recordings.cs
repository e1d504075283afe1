namespace Parley.Server.Logging;

/// <summary>Recordings: retention, deletion, transcription (8311–8329).</summary>
internal static partial class Log
{
    [LoggerMessage(8311, LogLevel.Information, "Retention deleted {Count} recordings of tenant {TenantId} started before {Cutoff}")]
    public static partial void RecordingsExpired(ILogger logger, Guid tenantId, int count, DateTimeOffset cutoff);

    [LoggerMessage(8312, LogLevel.Error, "Recording retention round failed; the next round retries")]
    public static partial void RecordingRetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(8313, LogLevel.Warning, "Recording {RecordingId} of tenant {TenantId}: the file could not be deleted")]
    public static partial void RecordingFileDeleteFailed(ILogger logger, Guid tenantId, Guid recordingId, Exception exception);

    [LoggerMessage(8314, LogLevel.Information, "Recording {RecordingId} of tenant {TenantId} deleted by {Actor}")]
    public static partial void RecordingDeleted(ILogger logger, Guid tenantId, Guid recordingId, string actor);

    [LoggerMessage(8320, LogLevel.Information, "Transcription of recording {RecordingId} done: {Segments} segments, {Words} words in {Elapsed}")]
    public static partial void TranscriptionDone(ILogger logger, Guid recordingId, int segments, int words, TimeSpan elapsed);

    [LoggerMessage(8321, LogLevel.Warning, "Transcription of recording {RecordingId} failed")]
    public static partial void TranscriptionFailed(ILogger logger, Guid recordingId, Exception exception);

    [LoggerMessage(8322, LogLevel.Information, "{Count} transcriptions left unfinished by a stopped node queued again")]
    public static partial void TranscriptionsRequeued(ILogger logger, int count);
}
