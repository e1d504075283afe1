using Microsoft.AspNetCore.Http.HttpResults;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The REST rules (<c>QueueRequestRules</c>, <c>AgentRequestRules</c>) answer problem details; the application layer
/// carries the same refusal as an <see cref="AppError"/> so the console and the API refuse alike, field by field.
/// </summary>
internal static class ProblemErrors
{
    public static AppError? From(IResult? problem) => problem switch
    {
        null => null,
        ValidationProblem v when v.ProblemDetails.Errors.FirstOrDefault() is { Key: { } field, Value: { Length: > 0 } messages } =>
            AppError.Invalid(field, messages[0]) with { Errors = v.ProblemDetails.Errors.ToDictionary() },
        ProblemHttpResult { StatusCode: StatusCodes.Status404NotFound } => AppError.NotFound(),
        ProblemHttpResult { StatusCode: StatusCodes.Status403Forbidden } p => new AppError(AppErrorKind.Forbidden, p.ProblemDetails.Detail ?? "Forbidden."),
        ProblemHttpResult p when p.ProblemDetails.Extensions.TryGetValue("limit", out var limit) && limit is string name =>
            AppError.LimitReached(name, p.ProblemDetails.Detail ?? "Plan limit reached."),
        ProblemHttpResult p => AppError.Conflict(p.ProblemDetails.Detail ?? "Conflict."),
        _ => AppError.Invalid("request", "The request was refused."),
    };
}
