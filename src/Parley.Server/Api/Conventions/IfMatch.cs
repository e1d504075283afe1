using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Api.Conventions;

/// <summary>If-Match as the application layer's expected version: a missing header is 428, <c>*</c> any version, a tag we never issue stale.</summary>
public static class IfMatch
{
    /// <summary>Null with the version (null for <c>*</c>) to pass on, or the problem to answer.</summary>
    public static IResult? Read(HttpContext context, out long? expected)
    {
        expected = null;
        var values = context.Request.Headers[HeaderNames.IfMatch];
        if (values.Count == 0)
        {
            return ETags.CheckIfMatch(context, 0);
        }

        var tag = string.Join(",", values.Select(v => v ?? "")).Split(',', StringSplitOptions.TrimEntries)[0];
        if (tag == "*")
        {
            return null;
        }

        var quoted = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
        if (quoted.Length > 2 && quoted[0] == '"' && quoted[^1] == '"'
            && long.TryParse(quoted.AsSpan(1, quoted.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expected = version;
            return null;
        }

        return ETags.StalePrecondition();
    }
}
