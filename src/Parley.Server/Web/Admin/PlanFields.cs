using Parley.Domain.Tenants;
using Parley.Server.Api.Platform;

namespace Parley.Server.Web.Admin;

/// <summary>A plan being edited: one nullable limit per field, named as the REST API names them; <see cref="ToRequest"/> is its body.</summary>
public sealed class PlanFields
{
    public static readonly IReadOnlyList<PlanField> All =
    [
        new("voiceSeats", "Voice seats", p => p.VoiceSeats, (p, v) => p.VoiceSeats = v),
        new("digitalSeats", "Digital seats (chat, social, e-mail)", p => p.DigitalSeats, (p, v) => p.DigitalSeats = v),
        new("videoSeats", "Video seats", p => p.VideoSeats, (p, v) => p.VideoSeats = v),
        new("maxConcurrentCalls", "Concurrent calls", p => p.MaxConcurrentCalls, (p, v) => p.MaxConcurrentCalls = v),
        new("maxConcurrentChats", "Concurrent chats", p => p.MaxConcurrentChats, (p, v) => p.MaxConcurrentChats = v),
        new("maxPhoneNumbers", "Phone numbers", p => p.MaxPhoneNumbers, (p, v) => p.MaxPhoneNumbers = v),
        new("recordingRetentionDays", "Recording retention (days)", p => p.RecordingRetentionDays, (p, v) => p.RecordingRetentionDays = v),
        new("apiRequestsPerMinute", "API requests per minute", p => p.ApiRequestsPerMinute, (p, v) => p.ApiRequestsPerMinute = v),
        new("maxStorageMegabytes", $"Storage for prompts and attachments (MiB; empty: {StorageLimits.DefaultMegabytes})", p => p.MaxStorageMegabytes, (p, v) => p.MaxStorageMegabytes = v),
    ];

    public static readonly IReadOnlyCollection<string> Names = [.. All.Select(f => f.Name)];

    public int? VoiceSeats { get; set; }

    public int? DigitalSeats { get; set; }

    public int? VideoSeats { get; set; }

    public int? MaxConcurrentCalls { get; set; }

    public int? MaxConcurrentChats { get; set; }

    public int? MaxPhoneNumbers { get; set; }

    public int? RecordingRetentionDays { get; set; }

    public int? ApiRequestsPerMinute { get; set; }

    public int? MaxStorageMegabytes { get; set; }

    /// <summary>The tenant's version the plan was read at; a save sends it back (REST's If-Match).</summary>
    public long Version { get; private init; }

    public static PlanFields From(PlanDto p) => new()
    {
        VoiceSeats = p.VoiceSeats, DigitalSeats = p.DigitalSeats, VideoSeats = p.VideoSeats, MaxConcurrentCalls = p.MaxConcurrentCalls,
        MaxConcurrentChats = p.MaxConcurrentChats, MaxPhoneNumbers = p.MaxPhoneNumbers, RecordingRetentionDays = p.RecordingRetentionDays,
        ApiRequestsPerMinute = p.ApiRequestsPerMinute, MaxStorageMegabytes = p.MaxStorageMegabytes, Version = p.Version,
    };

    public PlanRequest ToRequest() =>
        new(VoiceSeats, DigitalSeats, VideoSeats, MaxConcurrentCalls, MaxConcurrentChats, MaxPhoneNumbers, RecordingRetentionDays, ApiRequestsPerMinute,
            MaxStorageMegabytes);
}
