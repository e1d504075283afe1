using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Parley.Channels.WebChat;

/// <summary>A widget's pre-chat form and the check of a visitor's answers against it.</summary>
public static partial class PreChatForm
{
    /// <summary>The first problem with the form's definition (as <c>(field, message)</c>), or null.</summary>
    public static (string Field, string Message)? CheckDefinition(IReadOnlyList<PreChatField> fields)
    {
        if (fields.Count > ChatLimits.MaxPreChatFields)
        {
            return ("preChatFields", $"At most {ChatLimits.MaxPreChatFields} fields.");
        }

        foreach (var field in fields)
        {
            if (!KeyPattern().IsMatch(field.Key))
            {
                return ("preChatFields", $"Field key '{field.Key}' must be 1–40 letters, digits, '-' or '_'.");
            }

            if (string.IsNullOrWhiteSpace(field.Label) || field.Label.Length > 100)
            {
                return ("preChatFields", $"Field '{field.Key}' needs a label of 1–100 characters.");
            }
        }

        return fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() == fields.Count ? null : ("preChatFields", "Field keys must be unique.");
    }

    /// <summary>
    /// Checks <paramref name="answers"/> against <paramref name="fields"/>: required fields present, e-mail and phone
    /// shaped as such, values cleaned as text. Answers to fields the form does not have are dropped.
    /// </summary>
    public static PreChatResult Check(IReadOnlyList<PreChatField> fields, IReadOnlyDictionary<string, string>? answers)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var raw = answers is not null && answers.TryGetValue(field.Key, out var given) ? given : null;
            var value = ChatText.Clean(raw, ChatLimits.MaxFieldLength);
            if (value is null)
            {
                if (field.Required || !string.IsNullOrWhiteSpace(raw))
                {
                    return PreChatResult.Invalid(field.Key, field.Required && string.IsNullOrWhiteSpace(raw) ? $"{field.Label} is required." : $"{field.Label} is too long.");
                }

                continue;
            }

            if (field.Kind == PreChatFieldKind.Email && !IsEmail(value))
            {
                return PreChatResult.Invalid(field.Key, $"{field.Label} is not an e-mail address.");
            }

            if (field.Kind == PreChatFieldKind.Phone && !PhonePattern().IsMatch(value))
            {
                return PreChatResult.Invalid(field.Key, $"{field.Label} is not a phone number.");
            }

            values[field.Key] = value;
        }

        return PreChatResult.Ok(values);
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{3,30}$")]
    private static partial Regex PhonePattern();
}
