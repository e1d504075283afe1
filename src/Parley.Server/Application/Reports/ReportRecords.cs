using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Analytics.Records;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Chat;
using Parley.Data.Entities.Voice;
using Parley.Voice.Records;

namespace Parley.Server.Application.Reports;

/// <summary>
/// Loads the records of the tenant in the context (its query filter) for a report range, as the analytics library sees
/// them: queued calls (CDRs) and queued digital interactions, agent-state history, chat ratings and IVR visits. Each
/// load reads at most <see cref="MaxRows"/> rows; null means the range holds more.
/// </summary>
/// <param name="now">The present: a state still held runs to it, not to a range's end in the future.</param>
internal sealed class ReportRecords(ParleyDbContext db, DateTimeOffset now)
{
    /// <summary>The most records of one kind a report reads; a larger range answers 400 asking for a shorter one.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>How long after a range's end a contact's wrap-up may complete and still be read.</summary>
    private static readonly TimeSpan WrapUpReach = TimeSpan.FromDays(1);

    public async Task<List<ContactRecord>?> ContactsAsync(ReportRequest request, CancellationToken ct)
    {
        var (from, to) = (request.From, request.To);
        var wrapUps = await WrapUpsAsync(from, to + WrapUpReach, ct);
        var contacts = new List<ContactRecord>();
        if (request.Channel is null or ContactChannel.Voice)
        {
            var calls = ReportContactQueries.QueuedCalls(db).Where(c => c.QueuedAt >= from && c.QueuedAt < to);
            calls = request.QueueId is { } queue ? calls.Where(c => c.QueueId == queue) : calls;
            calls = request.AgentId is { } agent ? calls.Where(c => c.AgentId == agent) : calls;
            var rows = await calls
                .Select(c => new
                {
                    c.Id, c.QueueId, c.AgentId, c.InteractionId, c.QueuedAt, c.AnsweredAt, c.EndedAt, c.HoldMs, c.WrapUpMs, c.Disposition,
                    Transferred = db.Set<CallLegRow>().Any(l => l.CallId == c.Id && TransferCauses.Contains(l.ReleaseCause!)),
                })
                .Take(MaxRows + 1)
                .ToListAsync(ct);
            contacts.AddRange(rows.Select(c => new ContactRecord(
                c.Id.ToString("D"), ContactChannel.Voice, c.QueueId!.Value.ToString("D"), c.AgentId?.ToString("D"),
                c.QueuedAt!.Value, c.AnsweredAt, c.EndedAt ?? c.AnsweredAt ?? c.QueuedAt.Value,
                TimeSpan.FromMilliseconds(c.HoldMs), TimeSpan.FromMilliseconds(c.WrapUpMs ?? 0), c.Transferred,
                c.InteractionId is { } id && wrapUps.TryGetValue(id, out var w) ? w.Code : null,
                c.AnsweredAt is null && Deflected(c.Disposition))));
        }

        if (request.Channel is null or ContactChannel.Chat)
        {
            var chats = ReportContactQueries.QueuedChats(db).Where(i => i.EnqueuedAt >= from && i.EnqueuedAt < to);
            chats = request.QueueId is { } queue ? chats.Where(i => i.QueueId == queue) : chats;
            chats = request.AgentId is { } agent ? chats.Where(i => i.AgentId == agent) : chats;
            var rows = await chats
                .Select(i => new { i.Id, i.QueueId, i.AgentId, i.EnqueuedAt, i.AcceptedAt, i.ClosedAt, i.Outcome })
                .Take(MaxRows + 1)
                .ToListAsync(ct);
            contacts.AddRange(rows.Select(i =>
            {
                var ended = i.ClosedAt ?? i.AcceptedAt ?? i.EnqueuedAt;
                var wrapUp = wrapUps.TryGetValue(i.Id, out var w) && i.AcceptedAt is not null && w.At > ended ? w.At - ended : TimeSpan.Zero;
                return new ContactRecord(
                    i.Id.ToString("D"), ContactChannel.Chat, i.QueueId.ToString("D"), i.AgentId?.ToString("D"),
                    i.EnqueuedAt, i.AcceptedAt, ended, TimeSpan.Zero, wrapUp, i.Outcome == InteractionRecord.TransferredOutcome, w?.Code);
            }));
        }

        return contacts.Count > MaxRows ? null : contacts;
    }

    /// <summary>
    /// Each agent's state spans overlapping the range, from the routing history: the state an agent was in at
    /// <c>from</c> (their last change before it) and every change inside; the last span runs to the range's end, or to now
    /// when the range reaches past it (an agent available now has not been available until midnight).
    /// </summary>
    public async Task<List<AgentStateSpan>?> StatesAsync(ReportRequest request, CancellationToken ct)
    {
        var (from, to) = (request.From, request.To);
        var history = db.RoutingHistory.AsNoTracking().Where(h => h.Kind == StateChanged && h.AgentId != null);
        history = request.AgentId is { } agent ? history.Where(h => h.AgentId == agent) : history;
        // The state at `from`: each agent's last change before it, one index seek per agent (not a scan of the history).
        var agents = db.Agents.AsNoTracking().Select(a => (Guid?)a.Id);
        agents = request.AgentId is { } one ? agents.Where(a => a == one) : agents;
        var before = (await agents
            .Select(a => history.Where(h => h.AgentId == a && h.At < from)
                .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                .Select(h => new StateChange(h.AgentId, h.At, h.Detail)).FirstOrDefault())
            .ToListAsync(ct)).OfType<StateChange>().ToList();
        var inside = await history.Where(h => h.At >= from && h.At < to)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new StateChange(h.AgentId, h.At, h.Detail))
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        if (inside.Count > MaxRows)
        {
            return null;
        }

        var spans = new List<AgentStateSpan>();
        foreach (var changes in before.Concat(inside).GroupBy(h => h.AgentId!.Value))
        {
            var ordered = changes.OrderBy(h => h.At).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var (state, reason) = ParseState(ordered[i].Detail);
                var end = i + 1 < ordered.Count ? ordered[i + 1].At : (now < to ? now : to);
                if (end <= ordered[i].At)
                {
                    continue;
                }

                spans.Add(new AgentStateSpan(changes.Key.ToString("D"), state, reason, ordered[i].At, end));
            }
        }

        return spans;
    }

    /// <summary>Chat ratings given inside the range, with the queue and agent of the chat's interaction.</summary>
    public async Task<List<ChatRating>?> RatingsAsync(ReportRequest request, CancellationToken ct)
    {
        var (start, end) = (request.From, request.To);
        var rated = from c in db.Set<ChatConversation>().AsNoTracking()
                    join i in db.Interactions.AsNoTracking() on c.InteractionId equals i.Id
                    where c.Rating != null && c.RatedAt >= start && c.RatedAt < end
                    select new { c.Id, i.QueueId, i.AgentId, Score = c.Rating!.Value, RatedAt = c.RatedAt!.Value };
        rated = request.QueueId is { } queue ? rated.Where(r => r.QueueId == queue) : rated;
        rated = request.AgentId is { } agent ? rated.Where(r => r.AgentId == agent) : rated;
        var rows = await rated.Take(MaxRows + 1).ToListAsync(ct);
        return rows.Count > MaxRows
            ? null
            : rows.Select(r => new ChatRating(r.Id.ToString("D"), r.QueueId.ToString("D"), r.AgentId?.ToString("D"), r.Score, r.RatedAt)).ToList();
    }

    /// <summary>Calls that entered a flow inside the range: their first flow, how the IVR part ended and the blocks passed.</summary>
    public async Task<List<IvrVisit>?> IvrVisitsAsync(ReportRequest request, CancellationToken ct)
    {
        var (from, to) = (request.From, request.To);
        var rows = await db.Set<CallRecordRow>().AsNoTracking()
            .Where(c => c.FlowId != null && c.ArrivedAt >= from && c.ArrivedAt < to)
            .Select(c => new { c.FlowId, c.ArrivedAt, c.QueuedAt, c.AgentId, c.Disposition, c.FlowPathJson })
            .Take(MaxRows + 1)
            .ToListAsync(ct);
        if (rows.Count > MaxRows)
        {
            return null;
        }

        return rows.Select(c => new IvrVisit(
            c.FlowId!.Value.ToString("D"), c.ArrivedAt,
            c.QueuedAt is not null || c.AgentId is not null ? IvrOutcome.Queued : OutcomeOf(c.Disposition),
            BlockIds(c.FlowPathJson))).ToList();
    }

    public async Task<Dictionary<string, TimeSpan>> ThresholdsAsync(CancellationToken ct) =>
        await db.Queues.AsNoTracking()
            .Select(q => new { q.Id, q.ServiceLevelTargetSeconds })
            .ToDictionaryAsync(q => q.Id.ToString("D"), q => TimeSpan.FromSeconds(q.ServiceLevelTargetSeconds), ct);

    private const string StateChanged = "agent.state-changed";

    /// <summary>How an agent's leg ends when the agent passed the caller on (blind or consult transfer): a transferred call.</summary>
    private static readonly string[] TransferCauses = ["transferred", "consult_transferred"];

    private const string WrapUpCompleted = "agent.wrap-up-completed";

    private async Task<Dictionary<Guid, WrapUp>> WrapUpsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.RoutingHistory.AsNoTracking()
            .Where(h => h.Kind == WrapUpCompleted && h.InteractionId != null && h.At >= from && h.At < to)
            .Select(h => new { h.InteractionId, h.At, h.Detail })
            .Take(MaxRows)
            .ToListAsync(ct);
        var wrapUps = new Dictionary<Guid, WrapUp>();
        foreach (var row in rows)
        {
            wrapUps[row.InteractionId!.Value] = new WrapUp(row.At, ReadString(row.Detail, "code"));
        }

        return wrapUps;
    }

    /// <summary>The routing engine's state names as the reports' states: ringing counts as working (busy).</summary>
    private static (AgentState State, string? Reason) ParseState(string detail) => ReadString(detail, "current") switch
    {
        "Available" => (AgentState.Available, null),
        "Reserved" or "Busy" => (AgentState.Busy, null),
        "AfterCallWork" => (AgentState.WrapUp, null),
        "NotReady" => (AgentState.NotReady, ReadString(detail, "reason")),
        _ => (AgentState.Offline, null),
    };

    /// <summary>A queued call the queue overflowed to voicemail or a callback that the caller took: not abandoned.</summary>
    private static bool Deflected(string? disposition) =>
        disposition is nameof(CallDisposition.Voicemail) or nameof(CallDisposition.Callback);

    private static IvrOutcome OutcomeOf(string? disposition) => disposition switch
    {
        nameof(CallDisposition.EndedByFlow) or nameof(CallDisposition.Voicemail) => IvrOutcome.EndedByFlow,
        nameof(CallDisposition.AbandonedInIvr) => IvrOutcome.Abandoned,
        _ => IvrOutcome.Other,
    };

    private static string[] BlockIds(string? pathJson)
    {
        if (string.IsNullOrEmpty(pathJson))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(pathJson);
            return document.RootElement.ValueKind != JsonValueKind.Array
                ? []
                : document.RootElement.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("blockId", out var id) ? id.GetString() ?? "?" : "?")
                    .ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? ReadString(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record WrapUp(DateTimeOffset At, string? Code);

    private sealed record StateChange(Guid? AgentId, DateTimeOffset At, string Detail);
}
