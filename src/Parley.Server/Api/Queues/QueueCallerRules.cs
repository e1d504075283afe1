using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Queues;

/// <summary>Checks a queue's caller settings: announcement interval, breakout key and flow, music on hold, voicemail greeting.</summary>
internal static class QueueCallerRules
{
    public const string BreakoutDigits = "0123456789*#";

    public static async Task<IResult?> CheckAsync(QueueRequest r, ParleyDbContext db, CancellationToken ct)
    {
        if (r.AnnouncementIntervalSeconds is { } interval && interval != 0 && interval is < 10 or > 600)
        {
            return ApiProblems.Invalid("announcementIntervalSeconds", "0 (no announcements) or 10 to 600 seconds.");
        }

        if (r.BreakoutDigit is { } digit && (digit.Length != 1 || !BreakoutDigits.Contains(digit[0], StringComparison.Ordinal)))
        {
            return ApiProblems.Invalid("breakoutDigit", "One key: 0-9, * or #.");
        }

        if (r.BreakoutDigit is null != r.BreakoutFlowId is null)
        {
            return ApiProblems.Invalid("breakoutFlowId", "A breakout needs both breakoutDigit and breakoutFlowId.");
        }

        if (r.BreakoutFlowId is { } flow && !await db.Flows.AnyAsync(f => f.Id == flow && f.PublishedVersion != null, ct))
        {
            return ApiProblems.Invalid("breakoutFlowId", "No such published flow.");
        }

        if (r.MusicOnHold is { } prompt && !await db.Set<Prompt>().AnyAsync(p => p.Id == prompt, ct))
        {
            return ApiProblems.Invalid("musicOnHold", "No such uploaded prompt.");
        }

        if (r.VoicemailGreeting is { } greeting && !await db.Set<Prompt>().AnyAsync(p => p.Id == greeting, ct))
        {
            return ApiProblems.Invalid("voicemailGreeting", "No such uploaded prompt.");
        }

        return null;
    }
}
