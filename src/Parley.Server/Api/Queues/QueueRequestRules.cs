using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Server.Api.Conventions;
using Parley.Server.Application.Supervision;

namespace Parley.Server.Api.Queues;

/// <summary>Checks a queue body against the engine's rules and the tenant's skills and queues, then copies it onto the row.</summary>
internal static class QueueRequestRules
{
    public static async Task<IResult?> ApplyAsync(QueueRequest r, Queue queue, ParleyDbContext db, CancellationToken ct)
    {
        if (r.Channels.Any(c => !IsName<Channel>(c)) || r.Channels.Distinct().Count() != r.Channels.Count)
        {
            return ApiProblems.Invalid("channels", "Each of Voice, Video, Chat, Email, Messaging at most once.");
        }

        var strategy = r.Strategy ?? nameof(AgentSelection.LongestIdle);
        var overflow = r.OverflowTarget ?? nameof(OverflowTargetKind.Disconnect);
        var wrapUp = r.WrapUpMode ?? nameof(WrapUpMode.None);
        if (!IsName<AgentSelection>(strategy))
        {
            return ApiProblems.Invalid("strategy", "LongestIdle, LeastOccupied, BestSkillMatch or RoundRobin.");
        }

        if (!IsName<OverflowTargetKind>(overflow) || (overflow == nameof(OverflowTargetKind.Queue)) != r.OverflowQueueId.HasValue)
        {
            // Said first for a person (the console shows it under "Then"), with the API's names for a developer.
            return ApiProblems.Invalid("overflowTarget", overflow == nameof(OverflowTargetKind.Queue)
                ? "Overflow to another queue needs the queue to go to (overflowQueueId)."
                : "Disconnect, Voicemail, Callback, or Queue together with overflowQueueId.");
        }

        if (r.OverflowQueueId is { } target && (target == queue.Id || !await db.Queues.AnyAsync(q => q.Id == target, ct)))
        {
            return ApiProblems.Invalid("overflowQueueId", "No such other queue.");
        }

        if (!IsName<WrapUpMode>(wrapUp) || (wrapUp == nameof(WrapUpMode.MandatoryWithTimeLimit) && r.WrapUpTimeLimitSeconds is null))
        {
            return ApiProblems.Invalid("wrapUpMode", IsName<WrapUpMode>(wrapUp)
                ? "A mandatory, time-limited wrap-up needs its time limit (wrapUpTimeLimitSeconds)."
                : "None, Optional, Mandatory, or MandatoryWithTimeLimit with wrapUpTimeLimitSeconds.");
        }

        var skills = r.RequiredSkills ?? [];
        var skillIds = skills.Select(s => s.SkillId).Distinct().ToList();
        if (skillIds.Count != skills.Count || skills.Any(s => s.MinProficiency is < 1 or > 5)
            || await db.Skills.CountAsync(s => skillIds.Contains(s.Id), ct) != skillIds.Count)
        {
            return ApiProblems.Invalid("requiredSkills", "Existing skills, each once, with a minimum proficiency from 1 to 5.");
        }

        if (await QueueCallerRules.CheckAsync(r, db, ct) is { } callerProblem)
        {
            return callerProblem;
        }

        var recording = QueueRecording.Check(r.Recording, r.RecordingPercent, out var recordingError);
        if (recording is null)
        {
            return ApiProblems.Invalid(r.Recording is null || QueueRecording.Modes.Contains(r.Recording, StringComparer.OrdinalIgnoreCase) ? "recordingPercent" : "recording", recordingError!);
        }

        var thresholds = r.Thresholds ?? QueueThresholds.None;
        if (QueueThresholdRules.Check(thresholds) is { } thresholdProblem)
        {
            return thresholdProblem;
        }

        if (await db.Queues.AnyAsync(q => q.Name == r.Name && q.Id != queue.Id, ct))
        {
            return ApiProblems.Conflict($"A queue named '{r.Name}' exists already.");
        }

        queue.Name = r.Name;
        queue.Channels = [.. r.Channels];
        queue.Strategy = strategy;
        queue.RequiredSkills = skills.Select(s => new SkillRequirementEntry { SkillId = s.SkillId, MinProficiency = s.MinProficiency }).ToList();
        queue.ServiceLevelTargetSeconds = r.ServiceLevelTargetSeconds ?? 20;
        queue.Priority = r.Priority ?? 0;
        queue.MaxSize = r.MaxSize;
        queue.MaxWaitSeconds = r.MaxWaitSeconds;
        queue.OverflowTarget = overflow;
        queue.OverflowQueueId = r.OverflowQueueId;
        queue.WrapUpMode = wrapUp;
        queue.WrapUpTimeLimitSeconds = r.WrapUpTimeLimitSeconds;
        queue.WrapUpCodes = [.. (r.WrapUpCodes ?? []).Distinct()];
        queue.OfferTimeoutSeconds = r.OfferTimeoutSeconds ?? 20;
        queue.AnnouncementIntervalSeconds = r.AnnouncementIntervalSeconds ?? 30;
        queue.BreakoutDigit = r.BreakoutDigit;
        queue.BreakoutFlowId = r.BreakoutFlowId;
        queue.MusicOnHoldPromptId = r.MusicOnHold;
        queue.VoicemailGreetingPromptId = r.VoicemailGreeting;
        queue.RecordingMode = recording;
        queue.RecordingPercent = r.RecordingPercent;
        queue.AlertContactsInQueueAmber = thresholds.ContactsInQueueAmber;
        queue.AlertContactsInQueueRed = thresholds.ContactsInQueueRed;
        queue.AlertOldestContactAgeAmberSeconds = thresholds.OldestContactAgeAmberSeconds;
        queue.AlertOldestContactAgeRedSeconds = thresholds.OldestContactAgeRedSeconds;
        queue.AlertServiceLevelAmberPercent = thresholds.ServiceLevelAmberPercent;
        queue.AlertServiceLevelRedPercent = thresholds.ServiceLevelRedPercent;
        return null;
    }

    private static bool IsName<T>(string value)
        where T : struct, Enum => Enum.GetNames<T>().Contains(value, StringComparer.Ordinal);
}
