using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>
/// A skill queue. Channel, strategy, overflow and wrap-up values are the routing engine's enum names; times are
/// whole seconds. <see cref="OverflowQueueId"/> is set when <see cref="OverflowTarget"/> is <c>Queue</c>.
/// </summary>
public sealed class Queue : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public List<string> Channels { get; set; } = [];

    public string Strategy { get; set; } = "LongestIdle";

    public List<SkillRequirementEntry> RequiredSkills { get; set; } = [];

    public int ServiceLevelTargetSeconds { get; set; } = 20;

    public int Priority { get; set; }

    public int? MaxSize { get; set; }

    public int? MaxWaitSeconds { get; set; }

    public string OverflowTarget { get; set; } = "Disconnect";

    public Guid? OverflowQueueId { get; set; }

    public string WrapUpMode { get; set; } = "None";

    public int? WrapUpTimeLimitSeconds { get; set; }

    public List<string> WrapUpCodes { get; set; } = [];

    public int OfferTimeoutSeconds { get; set; } = 20;

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
