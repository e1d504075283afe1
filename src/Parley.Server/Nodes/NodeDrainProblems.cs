using System.Globalization;

namespace Parley.Server.Nodes;

/// <summary>The HTTP answer to new work on a draining node: 503 with <c>Retry-After</c>, so a client retries (through the load balancer, on another node).</summary>
internal static class NodeDrainProblems
{
    public const int RetryAfterSeconds = 1;

    public static IResult Draining(HttpContext http, string detail)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Node draining", detail: detail);
    }
}
