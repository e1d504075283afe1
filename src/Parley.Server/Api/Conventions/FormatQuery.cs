namespace Parley.Server.Api.Conventions;

/// <summary>
/// <c>?format=</c> of the endpoints that answer more than JSON (reports, the operator's usage): absent means JSON (or what
/// <c>Accept</c> asks for); a value the endpoint does not know is a 400 naming the ones it does, never a silent JSON answer.
/// </summary>
internal static class FormatQuery
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    /// <summary>Null when <paramref name="format"/> is absent or one of <paramref name="accepted"/>; else the 400 to answer.</summary>
    public static IResult? Refusal(string? format, params string[] accepted) =>
        string.IsNullOrEmpty(format) || accepted.Contains(format, StringComparer.Ordinal)
            ? null
            : ApiProblems.Invalid("format", $"{Sentence(accepted)}; without it, JSON (or CSV with Accept: text/csv).");

    private static string Sentence(string[] accepted) =>
        accepted.Length == 1 ? $"'{accepted[0]}'" : string.Join(", ", accepted[..^1].Select(a => $"'{a}'")) + $" or '{accepted[^1]}'";
}
