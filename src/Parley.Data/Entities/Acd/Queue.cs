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

    /// <summary>Seconds between spoken position and estimated wait for a waiting caller; 0 = never.</summary>
    public int AnnouncementIntervalSeconds { get; set; } = 30;

    /// <summary>The key (0-9, *, #) that takes a waiting caller out of the queue into <see cref="BreakoutFlowId"/>.</summary>
    public string? BreakoutDigit { get; set; }

    /// <summary>The published flow a caller pressing <see cref="BreakoutDigit"/> goes to.</summary>
    public Guid? BreakoutFlowId { get; set; }

    /// <summary>An uploaded prompt played while waiting instead of the tenant's music on hold; null = the tenant's.</summary>
    public Guid? MusicOnHoldPromptId { get; set; }

    /// <summary>An uploaded prompt a caller hears when the queue overflows to voicemail; null = a spoken default greeting.</summary>
    public Guid? VoicemailGreetingPromptId { get; set; }

    /// <summary>Which answered calls of this queue are recorded: <c>All</c> (default), <c>None</c> or <c>Percentage</c>.</summary>
    public string RecordingMode { get; set; } = "All";

    /// <summary>With <see cref="RecordingMode"/> <c>Percentage</c>: the share of calls recorded, 0..100.</summary>
    public int? RecordingPercent { get; set; }

    /// <summary>Supervisor dashboard: contacts in queue at or above which the queue shows amber (null: no alert).</summary>
    public int? AlertContactsInQueueAmber { get; set; }

    /// <summary>Contacts in queue at or above which the queue shows red.</summary>
    public int? AlertContactsInQueueRed { get; set; }

    /// <summary>Oldest contact's age (seconds) at or above which the queue shows amber.</summary>
    public int? AlertOldestContactAgeAmberSeconds { get; set; }

    /// <summary>Oldest contact's age (seconds) at or above which the queue shows red.</summary>
    public int? AlertOldestContactAgeRedSeconds { get; set; }

    /// <summary>Service level today (percent) below which the queue shows amber.</summary>
    public int? AlertServiceLevelAmberPercent { get; set; }

    /// <summary>Service level today (percent) below which the queue shows red.</summary>
    public int? AlertServiceLevelRedPercent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
