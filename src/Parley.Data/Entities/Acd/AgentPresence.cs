using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>
/// A signed-in agent, written before the sign-in is acknowledged and removed at sign-out: what they selected
/// (null reason: available) and since when, which becomes their idle order after a restart.
/// </summary>
public sealed class AgentPresence : ITenantOwned
{
    public Guid AgentId { get; set; }

    public Guid TenantId { get; set; }

    public string? NotReadyReason { get; set; }

    public DateTimeOffset StateSince { get; set; }

    public bool SignOutPending { get; set; }
}
