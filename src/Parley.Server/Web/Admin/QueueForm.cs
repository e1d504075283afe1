using Parley.Server.Api.Queues;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Web.Admin;

/// <summary>A queue being edited: the form binds these; <see cref="ToRequest"/> is the same body the REST API takes.</summary>
public sealed class QueueForm
{
    public static readonly IReadOnlyList<string> ChannelNames = ["Voice", "Video", "Chat", "Email", "Messaging"];
    public static readonly IReadOnlyList<string> Strategies = ["LongestIdle", "LeastOccupied", "BestSkillMatch", "RoundRobin"];
    public static readonly IReadOnlyList<string> OverflowTargets = ["Disconnect", "Queue", "Voicemail", "Callback"];
    public static readonly IReadOnlyList<string> WrapUpModes = ["None", "Optional", "Mandatory", "MandatoryWithTimeLimit"];

    private QueueDto? _read;

    public string Name { get; set; } = "";

    public IEnumerable<string> Channels { get; set; } = ["Voice"];

    public string Strategy { get; set; } = "LongestIdle";

    /// <summary>The skills an agent needs for this queue's contacts, each with the minimum proficiency (1–5).</summary>
    public List<SkillLevelRow> RequiredSkills { get; set; } = [];

    public int ServiceLevelTargetSeconds { get; set; } = 20;

    public int Priority { get; set; }

    public int? MaxSize { get; set; }

    public int? MaxWaitSeconds { get; set; }

    public string OverflowTarget { get; set; } = "Disconnect";

    public Guid? OverflowQueueId { get; set; }

    public string WrapUpMode { get; set; } = "None";

    public int? WrapUpTimeLimitSeconds { get; set; }

    /// <summary>
    /// Whether the routing engine ends wrap-ups of this mode after <see cref="WrapUpTimeLimitSeconds"/>: <c>Optional</c> (when a
    /// limit is set) and <c>MandatoryWithTimeLimit</c> (which requires one). <c>None</c> and <c>Mandatory</c> ignore it.
    /// </summary>
    public bool WrapUpModeUsesTimeLimit => WrapUpMode is "Optional" or "MandatoryWithTimeLimit";

    /// <summary>Whether the limit must be given: only <c>MandatoryWithTimeLimit</c> refuses none.</summary>
    public bool WrapUpTimeLimitRequired => WrapUpMode == "MandatoryWithTimeLimit";

    public string WrapUpCodes { get; set; } = "";

    public int OfferTimeoutSeconds { get; set; } = 20;

    /// <summary>The queue's recording policy: All, None or Percentage (with <see cref="RecordingPercent"/>).</summary>
    public string Recording { get; set; } = QueueRecording.All;

    public int? RecordingPercent { get; set; }

    public int? ContactsInQueueAmber { get; set; }

    public int? ContactsInQueueRed { get; set; }

    public int? OldestContactAgeAmberSeconds { get; set; }

    public int? OldestContactAgeRedSeconds { get; set; }

    public int? ServiceLevelAmberPercent { get; set; }

    public int? ServiceLevelRedPercent { get; set; }

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static QueueForm From(QueueDto q) => new()
    {
        _read = q,
        Name = q.Name,
        Channels = q.Channels.ToArray(),
        Strategy = q.Strategy,
        RequiredSkills = q.RequiredSkills.Select(s => new SkillLevelRow { SkillId = s.SkillId, Proficiency = s.MinProficiency }).ToList(),
        ServiceLevelTargetSeconds = q.ServiceLevelTargetSeconds,
        Priority = q.Priority,
        MaxSize = q.MaxSize,
        MaxWaitSeconds = q.MaxWaitSeconds,
        OverflowTarget = q.OverflowTarget,
        OverflowQueueId = q.OverflowQueueId,
        WrapUpMode = q.WrapUpMode,
        WrapUpTimeLimitSeconds = q.WrapUpTimeLimitSeconds,
        WrapUpCodes = string.Join(", ", q.WrapUpCodes),
        OfferTimeoutSeconds = q.OfferTimeoutSeconds,
        Recording = q.Recording,
        RecordingPercent = q.RecordingPercent,
        ContactsInQueueAmber = q.Thresholds.ContactsInQueueAmber,
        ContactsInQueueRed = q.Thresholds.ContactsInQueueRed,
        OldestContactAgeAmberSeconds = q.Thresholds.OldestContactAgeAmberSeconds,
        OldestContactAgeRedSeconds = q.Thresholds.OldestContactAgeRedSeconds,
        ServiceLevelAmberPercent = q.Thresholds.ServiceLevelAmberPercent,
        ServiceLevelRedPercent = q.Thresholds.ServiceLevelRedPercent,
    };

    /// <summary>The body; what the form does not show (the caller settings) is sent back as read.</summary>
    public QueueRequest ToRequest() => new(
        Name.Trim(),
        Channels.ToArray(),
        Strategy,
        RequiredSkills.Where(s => s.SkillId is not null).Select(s => new QueueSkillRequirement(s.SkillId!.Value, s.Proficiency)).ToArray(),
        ServiceLevelTargetSeconds,
        Priority,
        MaxSize,
        MaxWaitSeconds,
        OverflowTarget,
        OverflowTarget == "Queue" ? OverflowQueueId : null,
        WrapUpMode,
        WrapUpModeUsesTimeLimit ? WrapUpTimeLimitSeconds : null,
        WrapUpCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        OfferTimeoutSeconds,
        _read?.AnnouncementIntervalSeconds,
        _read?.BreakoutDigit,
        _read?.BreakoutFlowId,
        _read?.MusicOnHold,
        new QueueThresholds(
            ContactsInQueueAmber, ContactsInQueueRed, OldestContactAgeAmberSeconds, OldestContactAgeRedSeconds, ServiceLevelAmberPercent, ServiceLevelRedPercent),
        Recording,
        Recording == QueueRecording.Percentage ? RecordingPercent ?? 100 : null,
        _read?.VoicemailGreeting);
}
