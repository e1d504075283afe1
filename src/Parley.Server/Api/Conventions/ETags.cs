using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Api.Conventions;

/// <summary>Optimistic concurrency: the row version is the ETag; updates must send it back in If-Match.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = For(version);

    /// <summary>Null when If-Match matches <paramref name="version"/>; else 428 (missing) or 412 (stale) problem details.</summary>
    public static IResult? CheckIfMatch(HttpContext context, long version)
    {
        var ifMatch = context.Request.Headers[HeaderNames.IfMatch];
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired,
                title: "Precondition required",
                detail: "Send the resource's ETag in If-Match to update it.");
        }

        var expected = For(version);
        foreach (var value in ifMatch)
        {
            foreach (var tag in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                if (tag == "*" || tag == expected || tag == "W/" + expected)
                {
                    return null;
                }
            }
        }

        return StalePrecondition();
    }

    public static IResult StalePrecondition() => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Precondition failed",
        detail: "The resource changed since you read it; read it again and retry.");
}
