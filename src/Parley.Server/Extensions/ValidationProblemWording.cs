using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Server.Extensions;

/// <summary>
/// Validation errors as a JSON client reads them: each key is the field's name in the JSON body (<c>channel</c>, not the
/// C# <c>Channel</c>; nested paths segment by segment), and a pattern that only lists allowed words reads as that list
/// ("channel must be one of Voice, Video, Chat") instead of a regular expression.
/// </summary>
internal static partial class ValidationProblemWording
{
    public static void Apply(HttpValidationProblemDetails problem)
    {
        if (problem.Errors.Count == 0)
        {
            return;
        }

        var reworded = new Dictionary<string, string[]>(problem.Errors.Count, StringComparer.Ordinal);
        foreach (var (key, messages) in problem.Errors)
        {
            var name = JsonName(key);
            reworded[name] = [.. messages.Select(m => Reword(m, name))];
        }

        problem.Errors = reworded;
    }

    internal static string JsonName(string key) =>
        string.Join('.', key.Split('.').Select(segment => JsonNamingPolicy.CamelCase.ConvertName(segment)));

    private static string Reword(string message, string field) =>
        OneOfPattern().Match(message) is { Success: true } match
            ? $"{field} must be one of {string.Join(", ", match.Groups["words"].Value.Split('|'))}."
            : message;

    [GeneratedRegex(@"^The field \S+ must match the regular expression '\^\((?<words>[A-Za-z0-9_-]+(?:\|[A-Za-z0-9_-]+)*)\)\$'\.$")]
    private static partial Regex OneOfPattern();
}
