using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>
/// A user who takes interactions: extension, skills with proficiency 1–5, how many interactions per channel at once
/// and how work on one channel blocks another (<see cref="CrossChannelRule"/>, a routing engine rule name).
/// </summary>
public sealed class Agent : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public string? Extension { get; set; }

    public List<AgentSkillEntry> Skills { get; set; } = [];

    public List<ChannelCapacityEntry> Capacities { get; set; } = [];

    public string CrossChannelRule { get; set; } = "RealTimeBlocksOthers";

    /// <summary>How the agent's phone is reached: <c>None</c>, <c>Registered</c> (their SIP credential) or <c>Uri</c>.</summary>
    public string PhoneKind { get; set; } = "None";

    /// <summary>The SIP credential whose registered devices ring, when <see cref="PhoneKind"/> is <c>Registered</c>.</summary>
    public Guid? PhoneSipCredentialId { get; set; }

    /// <summary>A fixed <c>sip:</c>/<c>sips:</c> URI (desk phone, remote number), when <see cref="PhoneKind"/> is <c>Uri</c>.</summary>
    public string? PhoneUri { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
