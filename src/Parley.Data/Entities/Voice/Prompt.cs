using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>
/// An uploaded prompt (or music on hold): the audio lives in the tenant's folder as an 8 kHz mono 16-bit WAV
/// (<c>{DataDirectory}/tenants/{tenantId}/prompts/{id}.wav</c>); this row holds what the API lists.
/// </summary>
public sealed class Prompt : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>What was uploaded: <c>audio/wav</c> or <c>audio/mpeg</c>.</summary>
    public required string SourceType { get; set; }

    /// <summary>Length of the stored audio in milliseconds.</summary>
    public int DurationMs { get; set; }

    /// <summary>Bytes of the stored (converted) WAV file.</summary>
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the stored WAV file, lower-case hex.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
