using Parley.Server.Api.Interactions;

namespace Parley.Server.Api.Conventions;

/// <summary>
/// Optional query-string fields of the list filters (calls, interactions, recordings): empty is "not given", a bad value
/// adds a plain sentence under the field's name to <c>errors</c> (answered as one 400 with all of them).
/// </summary>
internal static class QueryField
{
    public static Guid? Id(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors[field] = ["Must be an id (a GUID)."];
        return null;
    }

    public static DateTimeOffset? Timestamp(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IsoTimestamp.TryParse(text, out var value))
        {
            return value;
        }

        errors[field] = ["Must be an ISO 8601 date or date-time, e.g. 2026-12-01 or 2026-12-01T08:30:00Z (encode '+' as %2B)."];
        return null;
    }
}
