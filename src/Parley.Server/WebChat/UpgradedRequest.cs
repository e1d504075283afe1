using Microsoft.AspNetCore.Http.Features;

namespace Parley.Server.WebChat;

/// <summary>
/// Lets go of what an upgraded request carried. After the 101 the connection keeps its request for the socket's life —
/// hours — and with it the request line (the session token in the query, twice: the raw target and the query string) and
/// every header a browser sends (user agent, languages, cookies, WebSocket key and extensions): about a kilobyte per idle
/// visitor that nothing reads again (docs/performance.md, "Web chat load").
/// </summary>
internal static class UpgradedRequest
{
    public static void Forget(HttpContext http)
    {
        http.Request.Headers.Clear();
        http.Request.QueryString = QueryString.Empty;
        if (http.Features.Get<IHttpRequestFeature>() is { } request)
        {
            request.RawTarget = string.Empty;
        }
    }
}
