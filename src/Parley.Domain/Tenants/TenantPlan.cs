namespace Parley.Domain.Tenants;

/// <summary>
/// What a tenant rents, set by the platform operator. Every limit is optional: null means "not limited by the plan"
/// (the platform's own bounds still apply), which is what every tenant has until the operator sets a plan, so adding
/// plans changes nothing for existing tenants. Storage is the exception: null is the platform's default of 1 GiB, so no
/// tenant fills the disk.
/// </summary>
public sealed class TenantPlan
{
    /// <summary>Agents signed in to routing at once who can take voice.</summary>
    public int? VoiceSeats { get; set; }

    /// <summary>Agents signed in to routing at once who can take a digital channel (chat, e-mail, messaging).</summary>
    public int? DigitalSeats { get; set; }

    /// <summary>Agents signed in to routing at once who can take video.</summary>
    public int? VideoSeats { get; set; }

    /// <summary>Calls in progress at once (inbound and outbound).</summary>
    public int? MaxConcurrentCalls { get; set; }

    /// <summary>Web chats open at once.</summary>
    public int? MaxConcurrentChats { get; set; }

    /// <summary>Phone numbers assigned to the tenant.</summary>
    public int? MaxPhoneNumbers { get; set; }

    /// <summary>Days a recording is kept; null keeps recordings until they are deleted.</summary>
    public int? RecordingRetentionDays { get; set; }

    /// <summary>API requests per minute for the tenant's callers; null leaves the platform's default rate.</summary>
    public int? ApiRequestsPerMinute { get; set; }

    /// <summary>
    /// MiB (1,048,576 bytes) of files the tenant keeps: its uploaded prompts and chat attachments; null leaves the platform's
    /// default (<see cref="StorageLimits.DefaultMegabytes"/>).
    /// </summary>
    public int? MaxStorageMegabytes { get; set; }
}
