using Microsoft.AspNetCore.Diagnostics;

namespace Parley.Server.Extensions;

/// <summary>
/// The body of an empty error answer: problem details (RFC 9457) for the APIs and every other client, and for a browser
/// opening an unknown page a small "page not found" page with a way back, instead of a line of JSON.
/// </summary>
internal static class StatusCodePageWriter
{
    private static readonly string[] ApiPrefixes = ["/api", "/connect", "/hubs", "/webchat", "/openapi", "/health", "/metrics"];

    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && IsPageRequest(http.Request))
        {
            var page = http.RequestServices.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("not-found.html");
            if (page.Exists)
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(page, http.RequestAborted);
                return;
            }
        }

        // What UseStatusCodePages() writes by itself.
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
    }

    /// <summary>A browser navigating to a page (it asks for HTML first), not a script or an API client.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && !ApiPrefixes.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
