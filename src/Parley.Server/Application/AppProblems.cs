using Parley.Server.Api.Conventions;

namespace Parley.Server.Application;

/// <summary>How the REST API answers the application layer's results: RFC 9457 problem details for refusals.</summary>
internal static class AppProblems
{
    public static IResult ToProblem(this AppError error) => error.Kind switch
    {
        AppErrorKind.NotFound => ApiProblems.NotFound(error.Detail),
        AppErrorKind.Invalid when error.Errors is { Count: > 0 } errors => ApiProblems.Invalid(errors.ToDictionary()),
        AppErrorKind.Invalid => ApiProblems.Invalid(error.Field ?? "request", error.Detail),
        AppErrorKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: error.Title ?? "Forbidden", detail: error.Detail),
        AppErrorKind.Stale => ETags.StalePrecondition(),
        AppErrorKind.TooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: error.Detail),
        AppErrorKind.UnsupportedType => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: error.Detail),
        AppErrorKind.LimitReached => ApiProblems.LimitReached(error.Field ?? "plan", error.Detail),
        AppErrorKind.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Node draining", detail: error.Detail),
        AppErrorKind.Conflict when error.Field is { } cause => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: error.Detail, extensions: new Dictionary<string, object?> { ["cause"] = cause }),
        _ => ApiProblems.Conflict(error.Detail),
    };

    /// <summary>The status the REST API would answer; the UI's audit entries record the same.</summary>
    public static int StatusOf(AppError? error) => error?.Kind switch
    {
        null => StatusCodes.Status200OK,
        AppErrorKind.NotFound => StatusCodes.Status404NotFound,
        AppErrorKind.Invalid => StatusCodes.Status400BadRequest,
        AppErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AppErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
        AppErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AppErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        AppErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status409Conflict,
    };

    public static IResult ToHttp<T>(this AppResult<T> result, Func<T, IResult> ok) =>
        result.Error is { } error ? error.ToProblem() : ok(result.Value!);

    public static IResult ToHttp(this AppResult<Done> result) =>
        result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
}
