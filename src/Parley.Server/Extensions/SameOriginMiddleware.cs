using Microsoft.Extensions.Options;
using Parley.Server.Logging;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// Refuses state-changing requests and WebSocket handshakes (hubs) a browser sent from another site (403 problem details),
/// so a cookie cannot be ridden by a cross-site form post or a cross-site socket. <c>Sec-Fetch-Site</c> decides when the browser sends it (<c>same-origin</c> and
/// <c>none</c> pass); otherwise <c>Origin</c> must be this server's origin or <c>Parley:PublicUrl</c>'s. Requests
/// with neither header (curl, SDKs) and bearer-token requests (a browser cannot add <c>Authorization</c> cross-site)
/// pass untouched, as do the OAuth endpoints, whose clients authenticate in the body, and the web chat's visitor
/// endpoints (<c>/webchat</c>: no cookie, checked against the widget's allowed origins instead). Sits beside ASP.NET Core
/// antiforgery, which the web app's forms can add.
/// </summary>
internal sealed class SameOriginMiddleware(RequestDelegate next, IOptions<ParleyOptions> parley, RefusalLog refusals)
{
    private readonly string? _publicOrigin = Uri.TryCreate(parley.Value.PublicUrl, UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var safe = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method)) && !IsWebSocketUpgrade(request);
        if (safe
            || request.Path.StartsWithSegments("/connect")
            || request.Path.StartsWithSegments(WebChat.WebChatEndpoints.Prefix)
            || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || IsSameOrigin(request))
        {
            return next(http);
        }

        refusals.Count("cross-site", request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : request.Headers["Sec-Fetch-Site"].ToString());
        return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused",
                detail: "State-changing requests are accepted only from this site's own pages.")
            .ExecuteAsync(http);
    }

    /// <summary>
    /// A WebSocket handshake is a GET, but it opens a two-way channel with the cookie (a hub streaming the tenant's events,
    /// taking commands), which browsers let any page open: it is checked like a state-changing request.
    /// </summary>
    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);

    private bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, _publicOrigin, StringComparison.OrdinalIgnoreCase);
    }
}
