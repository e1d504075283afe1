using System.Globalization;

namespace Parley.Server.Auth.Guessing;

/// <summary>The answer to a guess refused unchecked: 429 when the source is slowed, 423 when the account is; with Retry-After.</summary>
public static class GuessRefusal
{
    public static async Task WriteAsync(HttpContext http, GuessAdmission admission)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(admission.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var result = admission.RefusedBy == GuessScope.Source
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed attempts",
                detail: $"Too many wrong credentials from your address; retry after {seconds} s.")
            : TypedResults.Problem(
                statusCode: StatusCodes.Status423Locked,
                title: "Locked",
                detail: $"Too many failed attempts; try again in {seconds} s.");
        await result.ExecuteAsync(http);
    }
}
