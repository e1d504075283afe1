using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The body's declared limits (<c>[Required]</c>, <c>[Range]</c>, <c>[StringLength]</c>…) checked inside the application
/// layer, so a page gets the same refusal, on the same (camel-cased) field, as the REST API's request validation. The sentence
/// names the field as a person reads it (<see cref="FieldLabels"/>: "Service level target (seconds) must be between 1 and
/// 3600."), never by its code name: the console shows it as it is.
/// </summary>
internal static class RequestChecks
{
    public static AppError? Check(object request)
    {
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            // Required first, as the validator orders them: an empty field is missing before it is too short.
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).OrderBy(a => a is RequiredAttribute ? 0 : 1);
            var value = property.GetValue(request);
            var label = FieldLabels.Of(property);
            var context = new ValidationContext(request) { MemberName = property.Name, DisplayName = label };
            foreach (var attribute in attributes)
            {
                if (attribute.GetValidationResult(value, context) is not null)
                {
                    return AppError.Invalid(JsonNamingPolicy.CamelCase.ConvertName(property.Name), Sentence(attribute, label, value));
                }
            }
        }

        return null;
    }

    /// <summary>What is wrong, in a person's words, for the limits requests declare; any other check says it its own way.</summary>
    private static string Sentence(ValidationAttribute attribute, string label, object? value)
    {
        if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null)
        {
            return attribute.FormatErrorMessage(label);
        }

        var text = value is string;
        return attribute switch
        {
            RequiredAttribute => $"{label} is required.",
            RangeAttribute r => Invariant($"{label} must be between {r.Minimum} and {r.Maximum}."),
            StringLengthAttribute { MinimumLength: > 1 } s => Invariant($"{label} must be {s.MinimumLength} to {s.MaximumLength} characters long."),
            StringLengthAttribute { MinimumLength: 1 } when value is "" => $"{label} is required.",
            StringLengthAttribute s => Invariant($"{label} must be at most {s.MaximumLength} characters long."),
            MaxLengthAttribute m when text => Invariant($"{label} must be at most {m.Length} characters long."),
            MaxLengthAttribute m => Invariant($"{label} may hold at most {m.Length}."),
            MinLengthAttribute m when text => Invariant($"{label} must be at least {m.Length} characters long."),
            MinLengthAttribute m when value is ICollection => Invariant($"{label} needs at least {m.Length}."),
            _ => attribute.FormatErrorMessage(label),
        };
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
