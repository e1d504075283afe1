using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Parley.Server.Logging;
using Parley.Server.Routing;

namespace Parley.Server.Extensions;

/// <summary>
/// Turns every exception into RFC 9457 problem details without internals: bad requests (malformed JSON, wrong
/// content type, too large) keep their status and a plain message; a grain whose node has just died (Orleans refuses
/// its messages until a survivor takes it over, a few seconds) is a 503 with <c>Retry-After</c>, so clients retry
/// instead of reporting a failure; anything else is a 500 with a trace id.
/// </summary>
internal sealed class ParleyExceptionHandler(IProblemDetailsService problems, ILogger<ParleyExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>A survivor takes a dead node's grains over within a few seconds (<c>Parley:Cluster:ProbeTimeout</c> × 3, then reactivation).</summary>
    private const string GrainUnreachableRetryAfterSeconds = "2";

    /// <summary>Minimal APIs say so in their own terms ("Implicit body inferred for parameter … but no body was provided").</summary>
    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.Message.Contains("no body was provided", StringComparison.Ordinal);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string detail;
        if (exception is BadHttpRequestException bad)
        {
            status = bad.StatusCode;
            title = status switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request",
            };
            // The JSON reader's own message can name server types ("could not be converted to Parley...."): say where, not what.
            detail = bad.InnerException is System.Text.Json.JsonException json
                ? string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON, or a value in it is not of the type this request expects: check {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).")
                : IsMissingBody(bad) ? "This request needs a JSON body." : bad.Message;
        }
        else if (GrainUnreachable.Is(exception))
        {
            Log.GrainUnreachable(logger, context.Request.Method, context.Request.Path, exception.GetType().Name);
            status = StatusCodes.Status503ServiceUnavailable;
            title = "Temporarily unavailable";
            detail = "This service is moving to another node of the cluster; try again in a few seconds.";
            context.Response.Headers.RetryAfter = GrainUnreachableRetryAfterSeconds;
        }
        else
        {
            Log.UnhandledError(logger, exception, context.Request.Method, context.Request.Path);
            status = StatusCodes.Status500InternalServerError;
            title = "Internal error";
            detail = "Something went wrong on our side; quote the trace id when you report it.";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
