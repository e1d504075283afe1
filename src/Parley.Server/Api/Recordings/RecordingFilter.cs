using Parley.Data.Entities.Recordings;
using Parley.Data;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Interactions;

namespace Parley.Server.Api.Recordings;

/// <summary>The checked filters of the recording list: <c>from</c> inclusive, <c>to</c> exclusive, on the start time.</summary>
internal sealed record RecordingFilter(
    DateTimeOffset? From, DateTimeOffset? To, Guid? QueueId, Guid? AgentId, Guid? CallId, string? Text, bool IncludeDeleted)
{
    public const int MaxTextLength = 200;

    public static bool TryCreate(RecordingListQuery query, out RecordingFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var from = QueryField.Timestamp(query.From, "from", errors);
        var to = QueryField.Timestamp(query.To, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors["to"] = ["Must not be before from."];
        }

        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim().ToLowerInvariant();
        if (text is { Length: > MaxTextLength })
        {
            errors["text"] = [$"At most {MaxTextLength} characters."];
        }

        filter = new RecordingFilter(
            from, to, QueryField.Id(query.QueueId, "queueId", errors), QueryField.Id(query.AgentId, "agentId", errors), QueryField.Id(query.CallId, "callId", errors), text,
            query.Deleted ?? false);
        return errors.Count == 0;
    }

    public IQueryable<RecordingRow> Apply(ParleyDbContext db, IQueryable<RecordingRow> recordings)
    {
        if (!IncludeDeleted)
        {
            recordings = recordings.Where(r => r.DeletedAt == null);
        }

        if (From is { } from)
        {
            recordings = recordings.Where(r => r.StartedAt >= from);
        }

        if (To is { } to)
        {
            recordings = recordings.Where(r => r.StartedAt < to);
        }

        if (QueueId is { } queue)
        {
            recordings = recordings.Where(r => r.QueueId == queue);
        }

        if (AgentId is { } agent)
        {
            recordings = recordings.Where(r => r.AgentId == agent);
        }

        if (CallId is { } call)
        {
            recordings = recordings.Where(r => r.CallId == call);
        }

        if (Text is { } text)
        {
            // Transcripts are stored lower-case.
            recordings = recordings.Where(r => db.Transcriptions.Any(t => t.RecordingId == r.Id && t.Text != null && t.Text.Contains(text)));
        }

        return recordings;
    }
}
