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

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
