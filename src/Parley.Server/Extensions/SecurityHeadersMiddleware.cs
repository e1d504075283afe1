namespace Parley.Server.Extensions;

/// <summary>
/// Headers every response carries: no sniffing, no framing, no referrer, a same-origin content policy. Set before the
/// endpoint runs (an endpoint may replace one: downloads set their own policy) and again, where missing, when the
/// response starts — the exception handler clears the headers of a failed request before it writes problem details.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        AddMissing(context);
        AddWhenStarting(context);
        return next(context);
    }

    /// <summary>Adds, when the response starts, the headers it does not carry then (after the exception handler cleared them).</summary>
    internal static void AddWhenStarting(HttpContext context) =>
        context.Response.OnStarting(static state =>
        {
            AddMissing((HttpContext)state);
            return Task.CompletedTask;
        }, context);

    internal static void AddMissing(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
        headers.TryAdd("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            // Scripts stay 'self' only. The web app's components (Radzen, Blazor's reconnect UI) set inline style attributes, and
            // its circuit is a same-origin WebSocket ('self' covers ws/wss to this origin in CSP 3).
            headers.TryAdd(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");
        }
    }
}
