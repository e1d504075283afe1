using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Server.Api.Queues;
using Parley.Voice.Queues;

namespace Parley.Server.Voice;

/// <summary>
/// <see cref="IQueueCallerSettings"/> from the queue rows, kept in memory per (tenant, queue). A queue write on this node
/// forgets its entry (<see cref="Invalidate"/>); entries also age out after <see cref="Lifetime"/>, so writes on another
/// node are seen within that time.
/// </summary>
public sealed class QueueCallerSettingsCache(IServiceScopeFactory scopes, TimeProvider time) : IQueueCallerSettings
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Queue), (QueueCallerSettings? Settings, DateTimeOffset Loaded)> _entries = new();

    public void Invalidate(Guid tenantId, Guid queueId) => _entries.TryRemove((tenantId, queueId), out _);

    public async ValueTask<QueueCallerSettings?> GetAsync(Guid tenantId, Guid queueId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue((tenantId, queueId), out var entry) && now - entry.Loaded < Lifetime)
        {
            return entry.Settings;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var row = await db.Queues.IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.TenantId == tenantId && q.Id == queueId)
            .Select(q => new { q.AnnouncementIntervalSeconds, q.BreakoutDigit, q.BreakoutFlowId, q.MusicOnHoldPromptId, q.RecordingMode, q.RecordingPercent, q.VoicemailGreetingPromptId })
            .SingleOrDefaultAsync(cancellationToken);
        var settings = row is null ? null : new QueueCallerSettings(
            row.AnnouncementIntervalSeconds > 0 ? TimeSpan.FromSeconds(row.AnnouncementIntervalSeconds) : null,
            row.BreakoutDigit is { Length: 1 } digit ? digit[0] : null,
            row.BreakoutFlowId,
            row.MusicOnHoldPromptId,
            QueueRecording.Percent(row.RecordingMode, row.RecordingPercent),
            row.VoicemailGreetingPromptId);
        _entries[(tenantId, queueId)] = (settings, now);
        return settings;
    }
}
