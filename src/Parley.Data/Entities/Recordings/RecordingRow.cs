using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Recordings;

/// <summary>
/// One finished call recording (table <c>Recordings</c>), written when the recording ends. The file lives at
/// <see cref="Path"/> under the recordings directory; <see cref="DeletedAt"/> is set when the file was removed
/// (retention or an administrator), and the row stays as the record that it existed.
/// </summary>
public sealed class RecordingRow : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The call record (CDR) this recording belongs to; the CDR's <c>RecordingId</c> points back.</summary>
    public Guid CallId { get; set; }

    /// <summary>The queue and agent of the call when the recording ended (copied from the CDR for filtering).</summary>
    public Guid? QueueId { get; set; }

    public Guid? AgentId { get; set; }

    /// <summary>Relative to the recordings directory, with '/' separators: <c>{tenantId}/{yyyy-MM-dd}/{callId}.wav</c>.</summary>
    public required string Path { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public long DurationMs { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public int PauseCount { get; set; }

    /// <summary>What each channel holds, e.g. <c>stereo:customer,agent</c> (left, right).</summary>
    public required string ChannelLayout { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Why it was deleted: <c>retention</c>, <c>admin</c>.</summary>
    public string? DeletedReason { get; set; }
}
