namespace Parley.Server.Api.Conventions;

/// <summary>The RFC 9457 answers that endpoints share.</summary>
public static class ApiProblems
{
    /// <summary>Missing and other tenants' objects answer exactly alike.</summary>
    public static IResult NotFound(string detail = "No such resource.") => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: detail);

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>409 for a plan limit: <c>limit</c> names it (<c>seats.voice</c>, <c>phoneNumbers</c>) for clients to act on.</summary>
    public static IResult LimitReached(string limit, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Plan limit reached",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["limit"] = limit });

    public static IResult CannotGrant(IReadOnlyList<string> missing) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Cannot grant permissions you do not hold",
        detail: "Missing: " + string.Join(", ", missing));

    public static IResult CannotActOn(IReadOnlyList<string> missing) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Cannot act on a user who holds permissions you do not hold",
        detail: "Missing: " + string.Join(", ", missing));
}
