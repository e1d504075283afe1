using System.ComponentModel.DataAnnotations;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Api.Queues;

/// <summary>
/// Body of creating or replacing a queue. <c>Strategy</c>: <c>LongestIdle</c> (default), <c>LeastOccupied</c>,
/// <c>BestSkillMatch</c>, <c>RoundRobin</c>. <c>OverflowTarget</c>: <c>Disconnect</c> (default), <c>Queue</c> (with
/// <c>OverflowQueueId</c>), <c>Voicemail</c>, <c>Callback</c>. <c>WrapUpMode</c>: <c>None</c> (default),
/// <c>Optional</c>, <c>Mandatory</c>, <c>MandatoryWithTimeLimit</c>. Times in seconds.
/// Caller settings (voice): <c>AnnouncementIntervalSeconds</c> 0 (off) or 10..600 (default 30); <c>BreakoutDigit</c>
/// (0-9, *, #) together with <c>BreakoutFlowId</c> (a published flow); <c>MusicOnHold</c> an uploaded prompt id
/// (null: the tenant's music on hold); <c>VoicemailGreeting</c> an uploaded prompt played before the tone when the queue
/// overflows to voicemail (null: a spoken default). <c>Thresholds</c>: the supervisor dashboard's amber/red alerts (contacts in queue and oldest
/// contact age at or above; service level percent below); omitted or null fields leave a figure uncoloured.
/// <c>Recording</c>: which answered calls are recorded — <c>All</c> (default), <c>None</c>, or <c>Percentage</c> with
/// <c>RecordingPercent</c> 0..100 (applies when the platform records, <c>Parley:Calls:Record</c>; a flow's <c>record</c> block overrides it).
/// </summary>
public sealed record QueueRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1), MaxLength(5)] IReadOnlyList<string> Channels,
    string? Strategy,
    [property: MaxLength(20)] IReadOnlyList<QueueSkillRequirement>? RequiredSkills,
    [property: Range(1, 3600)] int? ServiceLevelTargetSeconds,
    [property: Range(-100, 100)] int? Priority,
    [property: Range(0, 100000)] int? MaxSize,
    [property: Range(1, 86400)] int? MaxWaitSeconds,
    string? OverflowTarget,
    Guid? OverflowQueueId,
    string? WrapUpMode,
    [property: Range(1, 3600)] int? WrapUpTimeLimitSeconds,
    [property: MaxLength(100)] IReadOnlyList<string>? WrapUpCodes,
    [property: Range(1, 600)] int? OfferTimeoutSeconds,
    [property: Range(0, 600)] int? AnnouncementIntervalSeconds = null,
    [property: StringLength(1)] string? BreakoutDigit = null,
    Guid? BreakoutFlowId = null,
    Guid? MusicOnHold = null,
    QueueThresholds? Thresholds = null,
    string? Recording = null,
    int? RecordingPercent = null,
    Guid? VoicemailGreeting = null);
