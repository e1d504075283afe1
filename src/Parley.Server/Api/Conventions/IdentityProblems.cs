using Microsoft.AspNetCore.Identity;

namespace Parley.Server.Api.Conventions;

/// <summary>Identity's errors (password policy, duplicate names) as field-level validation problems.</summary>
public static class IdentityProblems
{
    public static IResult From(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => Application.Admin.IdentityErrors.FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return ApiProblems.Invalid(errors);
    }
}
