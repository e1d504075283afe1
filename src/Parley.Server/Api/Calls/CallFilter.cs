using Parley.Data.Entities.Voice;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Interactions;
using Parley.Voice.Records;

namespace Parley.Server.Api.Calls;

/// <summary>
/// The checked filters of the call list. <c>from</c> is inclusive and <c>to</c> exclusive, both on the arrival time;
/// <c>disposition=Open</c> selects calls still in progress.
/// </summary>
internal sealed record CallFilter(
    DateTimeOffset? From, DateTimeOffset? To, Guid? QueueId, Guid? AgentId, string? CallerNumber, string? CalledNumber, string? Disposition)
{
    public const string Open = "Open";

    private const int MaxNumberLength = 128;

    /// <summary>Every value <c>disposition</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Dispositions = [.. Enum.GetNames<CallDisposition>(), Open];

    /// <summary>The filters of <paramref name="query"/>, or the field errors that make it invalid.</summary>
    public static bool TryCreate(CallListQuery query, out CallFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var from = QueryField.Timestamp(query.From, "from", errors);
        var to = QueryField.Timestamp(query.To, "to", errors);
        if (from is not null && to is not null && from > to)
        {
            errors["to"] = ["Must not be before from."];
        }

        var disposition = Choose(query.Disposition, "disposition", errors);
        filter = new CallFilter(
            from, to, QueryField.Id(query.QueueId, "queueId", errors), QueryField.Id(query.AgentId, "agentId", errors),
            Number(query.CallerNumber, "callerNumber", errors), Number(query.CalledNumber, "calledNumber", errors), disposition);
        return errors.Count == 0;
    }

    public IQueryable<CallRecordRow> Apply(IQueryable<CallRecordRow> calls)
    {
        if (From is { } from)
        {
            calls = calls.Where(c => c.ArrivedAt >= from);
        }

        if (To is { } to)
        {
            calls = calls.Where(c => c.ArrivedAt < to);
        }

        if (QueueId is { } queue)
        {
            calls = calls.Where(c => c.QueueId == queue);
        }

        if (AgentId is { } agent)
        {
            calls = calls.Where(c => c.AgentId == agent);
        }

        if (CallerNumber is not null)
        {
            calls = calls.Where(c => c.CallerNumber == CallerNumber);
        }

        if (CalledNumber is not null)
        {
            calls = calls.Where(c => c.CalledNumber == CalledNumber);
        }

        if (Disposition == Open)
        {
            calls = calls.Where(c => c.EndedAt == null);
        }
        else if (Disposition is not null)
        {
            calls = calls.Where(c => c.Disposition == Disposition);
        }

        return calls;
    }

    private static string? Choose(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Dispositions.FirstOrDefault(d => string.Equals(d, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors[field] = [$"Must be one of: {string.Join(", ", Dispositions)}."];
        }

        return match;
    }

    private static string? Number(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length <= MaxNumberLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '*' or '#' or '.' or '-' or '_'))
        {
            return text;
        }

        errors[field] = [$"Must be a number as recorded, e.g. +15550100 (at most {MaxNumberLength} letters, digits, '+', '*', '#', '.', '-', '_'; encode '+' as %2B)."];
        return null;
    }
}
