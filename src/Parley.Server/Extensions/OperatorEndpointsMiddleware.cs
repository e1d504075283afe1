using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// Keeps the operator's endpoints for the operator: <c>/metrics</c> answers loopback clients, requests that came in on
/// the management port, and scrapers with the scrape token; the management port answers nothing but <c>/metrics</c>
/// and <c>/health/*</c>. Runs after the forwarded headers, so a proxied client is not mistaken for loopback.
/// </summary>
internal sealed class OperatorEndpointsMiddleware(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly byte[]? _tokenHash = options.Value.ScrapeToken is { } token ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;

    public Task InvokeAsync(HttpContext context)
    {
        var metrics = options.Value;
        var path = context.Request.Path;
        var onManagementPort = metrics.ManagementPort is { } port && context.Connection.LocalPort == port;
        if (onManagementPort && !path.StartsWithSegments("/metrics") && !path.StartsWithSegments("/health"))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The management port serves /metrics and /health only.").ExecuteAsync(context);
        }

        if (!path.StartsWithSegments("/metrics") || onManagementPort || IsLoopback(context.Connection.RemoteIpAddress) || HasScrapeToken(context))
        {
            return next(context);
        }

        if (_tokenHash is not null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Scrape token required", detail: "Send Authorization: Bearer with Parley:Metrics:ScrapeToken.").ExecuteAsync(context);
        }

        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Metrics are not served to this client", detail: "Scrape from loopback, the management port (Parley:Metrics:ManagementPort) or with a scrape token (Parley:Metrics:ScrapeToken).").ExecuteAsync(context);
    }

    /// <summary>No peer address: a Unix socket or an in-process call, both local.</summary>
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private bool HasScrapeToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return _tokenHash is not null
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())), _tokenHash);
    }
}
