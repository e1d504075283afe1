namespace Parley.Server.Extensions;

/// <summary>Headers every response carries: no sniffing, no framing, no referrer, a same-origin content policy.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=()";
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            // Scripts stay 'self' only. The web app's components (Radzen, Blazor's reconnect UI) set inline style attributes, and
            // its circuit is a same-origin WebSocket ('self' covers ws/wss to this origin in CSP 3).
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
        }

        return next(context);
    }
}
