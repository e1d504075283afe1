using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The body's declared limits (<c>[Required]</c>, <c>[Range]</c>, <c>[StringLength]</c>…) checked inside the application
/// layer, so a page gets the same refusal, on the same (camel-cased) field, as the REST API's request validation.
/// </summary>
internal static class RequestChecks
{
    public static AppError? Check(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        var first = results[0];
        var member = first.MemberNames.FirstOrDefault() ?? "request";
        return AppError.Invalid(JsonNamingPolicy.CamelCase.ConvertName(member), first.ErrorMessage ?? "Not valid.");
    }
}
