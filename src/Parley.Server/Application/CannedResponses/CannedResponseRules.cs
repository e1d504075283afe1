using System.Text.RegularExpressions;

namespace Parley.Server.Application.CannedResponses;

/// <summary>The limits on canned responses: sizes of each field and how many a tenant and a person may keep.</summary>
public static partial class CannedResponseRules
{
    public const int MaxShortcut = 32;
    public const int MaxTitle = 100;
    public const int MaxText = 4000;
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;
    public const int MaxPerTenant = 500;
    public const int MaxPersonal = 200;

    /// <summary>Lower-case letters, digits, '-' and '_', starting with a letter or digit.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    public static partial Regex Shortcut();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    public static partial Regex Language();

    /// <summary>The first field that breaks a rule, or null.</summary>
    public static AppError? Check(CannedResponseInput input)
    {
        if (!CannedResponseScopes.IsKnown(input.Scope ?? CannedResponseScopes.Personal))
        {
            return AppError.Invalid("scope", "Scope is 'tenant' or 'personal'.");
        }

        if (input.Shortcut.Length is 0 or > MaxShortcut || !Shortcut().IsMatch(input.Shortcut))
        {
            return AppError.Invalid("shortcut", $"A shortcut is 1 to {MaxShortcut} lower-case letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > MaxTitle)
        {
            return AppError.Invalid("title", $"A title is 1 to {MaxTitle} characters.");
        }

        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxText)
        {
            return AppError.Invalid("text", $"The text is 1 to {MaxText} characters.");
        }

        if (input.Language is { } language && (language.Length > 35 || !Language().IsMatch(language)))
        {
            return AppError.Invalid("language", "The language is a BCP 47 tag such as 'en' or 'de-CH'.");
        }

        var tags = input.Tags ?? [];
        if (tags.Count > MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength))
        {
            return AppError.Invalid("tags", $"At most {MaxTags} tags of 1 to {MaxTagLength} characters.");
        }

        return null;
    }
}
