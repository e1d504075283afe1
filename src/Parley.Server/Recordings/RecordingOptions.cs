using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Recordings;

/// <summary><c>Parley:Recordings</c>: the retention job and one-click transcription.</summary>
public sealed class RecordingOptions
{
    public const string Section = "Parley:Recordings";

    /// <summary>How often recordings past their tenant plan's retention are deleted. Default 1 hour; 1 s to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Recordings deleted per transaction by the retention job. Default 200; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int RetentionBatchSize { get; set; } = 200;

    /// <summary>Transcriptions waiting on this node at most; beyond it a request gets 503. Default 32; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int TranscriptionQueueLength { get; set; } = 32;
}
