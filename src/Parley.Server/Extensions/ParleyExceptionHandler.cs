using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Parley.Server.Logging;

namespace Parley.Server.Extensions;

/// <summary>
/// Turns every exception into RFC 9457 problem details without internals: bad requests (malformed JSON, wrong
/// content type, too large) keep their status and a plain message; anything else is a 500 with a trace id.
/// </summary>
internal sealed class ParleyExceptionHandler(IProblemDetailsService problems, ILogger<ParleyExceptionHandler> logger) : IExceptionHandler
{
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
                ? string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON for this request: check {json.Path ?? "$"} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).")
                : bad.Message;
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
