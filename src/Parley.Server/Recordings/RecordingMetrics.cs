using Prometheus;

namespace Parley.Server.Recordings;

/// <summary>
/// Recordings on <c>/metrics</c>: <c>parley_recordings_deleted_total{reason}</c> (files removed by retention or an
/// administrator) and <c>parley_recording_transcriptions_total{outcome}</c> (done, failed).
/// </summary>
internal static class RecordingMetrics
{
    private static readonly Counter Deleted = Metrics.CreateCounter(
        "parley_recordings_deleted_total", "Recordings whose file was deleted, by reason (retention, admin).", "reason");

    private static readonly Counter Transcriptions = Metrics.CreateCounter(
        "parley_recording_transcriptions_total", "Recording transcriptions finished, by outcome (done, failed).", "outcome");

    public static void CountDeleted(string reason, int count) => Deleted.WithLabels(reason).Inc(count);

    public static void CountTranscription(string outcome) => Transcriptions.WithLabels(outcome).Inc();
}
