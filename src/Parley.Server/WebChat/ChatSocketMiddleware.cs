using System.Net.WebSockets;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Parley.Server.Api.Conventions;
using Parley.Server.Extensions;
using Parley.Server.Options;

namespace Parley.Server.WebChat;

/// <summary>
/// The visitor's socket, <c>GET /webchat/{key}/ws?token=…[&amp;after=N][&amp;full=1]</c>, served ahead of routing. A socket
/// lives for hours, and every middleware it passes through keeps its frame, and what it resolved, for as long: the
/// authentication handlers and their transactions, the request's service scope, metrics, audit, the endpoint's filters —
/// about half of what an idle socket cost (docs/performance.md, "Web chat load"). The socket needs none of them: it is
/// anonymous by design, checks the widget's origins and the session token itself, is counted against the node, tenant and
/// address limits, and answers refusals as problem details like the endpoints do. What runs before it: the forwarded
/// headers (the visitor's address), the exception handler (a failure before the upgrade is answered as problem details),
/// the status code pages and the security headers; when rate limits are on, it takes the same per-address request budget
/// as any other request. The HTTP request metrics do not see it: <see cref="ChatSocketMetrics"/> counts open sockets and
/// refusals.
/// </summary>
internal sealed class ChatSocketMiddleware(
    RequestDelegate next,
    IServiceScopeFactory scopes,
    ChatSessionTokens tokens,
    ChatSocketHost host,
    IOptions<RateLimitOptions> rateLimits,
    IOptions<RateLimiterOptions> limiter)
{
    public Task InvokeAsync(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && SocketKey(http.Request.Path) is { } key ? ServeAsync(key, http) : next(http);

    /// <summary>The widget key of <c>/webchat/{key}/ws</c>, or null for any other path.</summary>
    internal static string? SocketKey(PathString path)
    {
        if (!path.StartsWithSegments(WebChatEndpoints.Prefix, StringComparison.OrdinalIgnoreCase, out var rest) || rest.Value is not { Length: > 1 } tail)
        {
            return null;
        }

        var slash = tail.IndexOf('/', 1);
        return slash > 1 && tail.AsSpan(slash).Equals("/ws", StringComparison.OrdinalIgnoreCase) ? tail[1..slash] : null;
    }

    /// <summary>
    /// Serves one socket. An idle socket waits in <see cref="ChatSocketSession.RunAsync"/> under this one small frame: the
    /// checks and the upgrade run in <see cref="AcceptAsync"/>, whose frame is gone once the socket is open.
    /// </summary>
    private async Task ServeAsync(string key, HttpContext http)
    {
        if (await AcceptAsync(key, http) is { } socket)
        {
            await socket.RunAsync();
        }
    }

    /// <summary>
    /// Checks and upgrades the request: the open socket's session, or null when the request was refused (answered as problem
    /// details with the security headers). A failure before the upgrade is left to the exception handler, whose problem
    /// details then carry the security headers too (<see cref="SecurityHeadersMiddleware"/> runs after this middleware, so
    /// that an accepted socket's 101 does not keep them, and their start-up callback, for its life).
    /// </summary>
    private async Task<ChatSocketSession?> AcceptAsync(string key, HttpContext http)
    {
        try
        {
            return await CheckAndAcceptAsync(key, http);
        }
        catch when (!http.Response.HasStarted)
        {
            SecurityHeadersMiddleware.AddWhenStarting(http);
            throw;
        }
    }

    private async Task<ChatSocketSession?> CheckAndAcceptAsync(string key, HttpContext http)
    {
        if (rateLimits.Value.Enabled && limiter.Value.GlobalLimiter is { } global)
        {
            using var lease = global.AttemptAcquire(http);
            if (!lease.IsAcquired)
            {
                SecurityHeadersMiddleware.AddMissing(http);
                http.Response.StatusCode = limiter.Value.RejectionStatusCode;
                await limiter.Value.OnRejected!(new OnRejectedContext { HttpContext = http, Lease = lease }, http.RequestAborted);
                ChatSocketMetrics.Refused(http.Response.StatusCode);
                return null;
            }
        }

        // The checks take no cancellation: the request's token (RequestAborted) is made on first use and, with what
        // registers on it, kept by the connection for the socket's life (docs/performance.md, "Memory per idle session,
        // second pass"). They are a few indexed queries; a visitor gone meanwhile fails the upgrade, or the first read.
        var ct = CancellationToken.None;
        var (session, problem) = await WebChatEndpoints.CheckSessionAsync(key, http, scopes, tokens, ct);
        if (problem is null && !http.WebSockets.IsWebSocketRequest)
        {
            problem = TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WebSocket expected");
        }

        ChatRoom? room = null;
        if (problem is null)
        {
            (room, problem) = await host.OpenAndAdmitAsync(session!, http, ct);
        }

        var address = http.Connection.RemoteIpAddress;
        if (problem is not null)
        {
            SecurityHeadersMiddleware.AddMissing(http);
            await problem.ExecuteAsync(http);
            ChatSocketMetrics.Refused(http.Response.StatusCode);
            return null;
        }

        try
        {
            _ = long.TryParse(ChatQuery.Value(http.Request, "after"), out var after);
            var full = ChatQuery.Value(http.Request, "full") == "1";
            var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromSeconds(30) });
            UpgradedRequest.Forget(http);
            ChatSocketMetrics.Opened();
            return new ChatSocketSession(host, socket, session!, room!, address, after, full);
        }
        catch
        {
            host.Release(session!.TenantId, address);
            throw;
        }
    }
}
