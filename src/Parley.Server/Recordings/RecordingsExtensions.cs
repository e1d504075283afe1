using Parley.Server.Options.Validation;

namespace Parley.Server.Recordings;

/// <summary>Registers recordings' files, the retention job and one-click transcription (<c>Parley:Recordings</c>).</summary>
internal static class RecordingsExtensions
{
    public static IServiceCollection AddParleyRecordings(this IServiceCollection services)
    {
        services.AddValidatedOptions<RecordingOptions, RecordingOptionsValidator>(RecordingOptions.Section);
        services.AddSingleton<RecordingFiles>();
        services.AddSingleton<RecordingRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingRetentionJob>());
        services.AddSingleton<RecordingTranscriptions>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordingTranscriptions>());
        return services;
    }
}
