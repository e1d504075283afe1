using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Records;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Voice;

namespace Parley.Server.Api.Reports;

/// <summary>
/// Loads the records of the caller's tenant (the context's tenant filter) for a report range: queued calls whose
/// <c>QueuedAt</c> is inside <c>[from, to)</c>, at most <see cref="MaxRows"/> of them, as analytics records.
/// </summary>
public static class ReportRecordLoader
{
    /// <summary>The most contacts one report reads; a larger range answers 400 asking for a shorter one.</summary>
    public const int MaxRows = 1_000_000;

    public static async Task<List<ContactRecord>?> LoadContactsAsync(
        ParleyDbContext db, DateTimeOffset from, DateTimeOffset to, Guid? queue, Guid? agent, CancellationToken ct)
    {
        var calls = db.Set<CallRecordRow>().AsNoTracking()
            .Where(c => c.QueuedAt != null && c.QueueId != null && c.QueuedAt >= from && c.QueuedAt < to);
        if (queue is { } q)
        {
            calls = calls.Where(c => c.QueueId == q);
        }

        if (agent is { } a)
        {
            calls = calls.Where(c => c.AgentId == a);
        }

        var rows = await calls
            .Select(c => new { c.Id, c.QueueId, c.AgentId, c.QueuedAt, c.AnsweredAt, c.EndedAt, c.HoldMs, c.WrapUpMs })
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            return null;
        }

        return rows.Select(c => new ContactRecord(
            c.Id.ToString("D"), ContactChannel.Voice, c.QueueId!.Value.ToString("D"), c.AgentId?.ToString("D"),
            c.QueuedAt!.Value, c.AnsweredAt, c.EndedAt ?? c.AnsweredAt ?? c.QueuedAt.Value,
            TimeSpan.FromMilliseconds(c.HoldMs), TimeSpan.FromMilliseconds(c.WrapUpMs ?? 0), false, null)).ToList();
    }

    public static async Task<Dictionary<string, TimeSpan>> LoadThresholdsAsync(ParleyDbContext db, CancellationToken ct) =>
        await db.Set<Queue>().AsNoTracking()
            .Select(q => new { q.Id, q.ServiceLevelTargetSeconds })
            .ToDictionaryAsync(q => q.Id.ToString("D"), q => TimeSpan.FromSeconds(q.ServiceLevelTargetSeconds), ct);
}
