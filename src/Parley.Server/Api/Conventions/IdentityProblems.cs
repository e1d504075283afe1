using Microsoft.AspNetCore.Identity;

namespace Parley.Server.Api.Conventions;

/// <summary>Identity's errors (password policy, duplicate names) as field-level validation problems.</summary>
public static class IdentityProblems
{
    public static IResult From(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return ApiProblems.Invalid(errors);
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "userName"
        : code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("Role", StringComparison.Ordinal) ? "roles"
        : "request";
}
