using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>One routing event (queued, offered, accepted, rejected, timed out, ended, …) of an interaction or agent.</summary>
public sealed class RoutingHistoryEntry : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Kind { get; set; }

    public Guid? InteractionId { get; set; }

    public Guid? QueueId { get; set; }

    public Guid? AgentId { get; set; }

    /// <summary>Event-specific details as a JSON object.</summary>
    public string Detail { get; set; } = "{}";
}
