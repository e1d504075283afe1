using Microsoft.AspNetCore.WebUtilities;

namespace Parley.Server.WebChat;

/// <summary>
/// Reads a visitor connection's query parameters (<c>token</c>, <c>after</c>, <c>full</c>) straight from the query string.
/// <c>Request.Query</c> would parse every parameter into a collection that the request keeps — for a socket or an event
/// stream, for hours: about half a kilobyte per idle visitor, most of it the decoded session token (docs/performance.md,
/// "Memory per idle session, second pass").
/// </summary>
internal static class ChatQuery
{
    /// <summary>
    /// The value of <paramref name="name"/>, decoded, as <c>Request.Query[name]</c> converts to a string: null when absent,
    /// the values joined by commas when it is repeated; names match whatever their case.
    /// </summary>
    public static string? Value(HttpRequest request, string name)
    {
        string? first = null;
        List<string>? more = null;
        foreach (var pair in new QueryStringEnumerable(request.QueryString.Value))
        {
            if (!pair.DecodeName().Span.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = pair.DecodeValue().ToString();
            if (first is null)
            {
                first = value;
            }
            else
            {
                (more ??= [first]).Add(value);
            }
        }

        return more is null ? first : string.Join(',', more);
    }
}
