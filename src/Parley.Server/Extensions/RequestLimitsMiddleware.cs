using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Extensions;

/// <summary>
/// Refuses bodies over the configured size with 413 before reading them (Kestrel enforces the same limit on
/// chunked bodies), whatever server hosts the app. Upload endpoints (<see cref="UploadBodyLimit"/>) get their own,
/// usually larger, limit; their handlers check the file itself.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<HttpOptions> options, IEnumerable<UploadBodyLimit> uploads)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBodyBytes;
        foreach (var upload in uploads)
        {
            if (context.Request.Path.StartsWithSegments(upload.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                max = Math.Max(max, upload.MaxBytes());
            }
        }

        if (context.Request.ContentLength > max)
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Request too large",
                    detail: $"Request bodies are limited to {max} bytes.")
                .ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        await next(context);
    }
}
