using Parley.Data.Entities.Acd;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Api.Queues;

public sealed record QueueDto(
    Guid Id,
    string Name,
    IReadOnlyList<string> Channels,
    string Strategy,
    IReadOnlyList<QueueSkillRequirement> RequiredSkills,
    int ServiceLevelTargetSeconds,
    int Priority,
    int? MaxSize,
    int? MaxWaitSeconds,
    string OverflowTarget,
    Guid? OverflowQueueId,
    string WrapUpMode,
    int? WrapUpTimeLimitSeconds,
    IReadOnlyList<string> WrapUpCodes,
    int OfferTimeoutSeconds,
    int AnnouncementIntervalSeconds,
    string? BreakoutDigit,
    Guid? BreakoutFlowId,
    Guid? MusicOnHold,
    QueueThresholds Thresholds,
    long Version,
    string Recording = QueueRecording.All,
    int? RecordingPercent = null,
    Guid? VoicemailGreeting = null)
{
    public static QueueDto From(Queue q) => new(
        q.Id, q.Name, q.Channels, q.Strategy, q.RequiredSkills.Select(s => new QueueSkillRequirement(s.SkillId, s.MinProficiency)).ToArray(),
        q.ServiceLevelTargetSeconds, q.Priority, q.MaxSize, q.MaxWaitSeconds, q.OverflowTarget, q.OverflowQueueId, q.WrapUpMode,
        q.WrapUpTimeLimitSeconds, q.WrapUpCodes, q.OfferTimeoutSeconds, q.AnnouncementIntervalSeconds, q.BreakoutDigit, q.BreakoutFlowId, q.MusicOnHoldPromptId,
        new QueueThresholds(
            q.AlertContactsInQueueAmber, q.AlertContactsInQueueRed, q.AlertOldestContactAgeAmberSeconds, q.AlertOldestContactAgeRedSeconds,
            q.AlertServiceLevelAmberPercent, q.AlertServiceLevelRedPercent),
        q.Version,
        q.RecordingMode,
        q.RecordingPercent,
        q.VoicemailGreetingPromptId);
}
