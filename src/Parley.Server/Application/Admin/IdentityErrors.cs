using Microsoft.AspNetCore.Identity;

namespace Parley.Server.Application.Admin;

/// <summary>Identity's refusals (a weak password, a taken user name) as the application layer's field error, on REST's field names.</summary>
internal static class IdentityErrors
{
    public static AppError? From(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return null;
        }

        var first = result.Errors.GroupBy(e => FieldOf(e.Code)).First();
        return AppError.Invalid(first.Key, string.Join(" ", first.Select(e => e.Description)));
    }

    /// <summary>The request field an Identity error code concerns.</summary>
    public static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "userName"
        : code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles"
        : "request";
}
