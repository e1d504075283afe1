using Microsoft.Extensions.Logging;

namespace Parley.Voice.Logging;

/// <summary>The IVR media host's lines (event ids 6200–6249).</summary>
internal static partial class VoiceLog
{
    [LoggerMessage(6200, LogLevel.Warning, "Tenant {TenantId}: prompt '{Prompt}' could not be opened; skipped")]
    public static partial void PromptFailed(ILogger logger, Guid tenantId, string prompt, Exception exception);

    [LoggerMessage(6201, LogLevel.Information, "Tenant {TenantId}: speech in {Language} is not available for keywords {Keywords}; listening for keys only")]
    public static partial void SpeechUnavailable(ILogger logger, Guid tenantId, string language, string keywords);

    [LoggerMessage(6202, LogLevel.Warning, "Tenant {TenantId}: the recogniser failed; listening for keys only")]
    public static partial void RecognitionFailed(ILogger logger, Guid tenantId, Exception exception);

    [LoggerMessage(6203, LogLevel.Debug, "Tenant {TenantId}: gather ended with {Input}")]
    public static partial void GatherEnded(ILogger logger, Guid tenantId, string input);

    [LoggerMessage(6204, LogLevel.Warning, "Tenant {TenantId}: queue position could not be read; announcement skipped")]
    public static partial void QueuePositionFailed(ILogger logger, Guid tenantId, Exception exception);

    [LoggerMessage(6205, LogLevel.Information, "Tenant {TenantId}: the caller pressed the queue breakout key {Digit}")]
    public static partial void QueueBreakout(ILogger logger, Guid tenantId, char digit);
}
