using Microsoft.AspNetCore.Identity;
using Parley.Data.Entities;

namespace Parley.Server.Api.Users;

/// <summary>The Identity steps of <c>PUT /api/v1/users/{id}</c>, in order; <see cref="Conventions.IdentitySteps"/> runs them as one.</summary>
internal static class UserUpdate
{
    public static Func<Task<IdentityResult>>[] Steps(UserManager<ParleyUser> manager, ParleyUser user, UpdateUserRequest request) =>
    [
        () =>
        {
            user.DisplayName = request.DisplayName;
            user.Email = request.Email;
            return manager.UpdateAsync(user);
        },
        async () => request.NewPassword is null
            ? IdentityResult.Success
            : await manager.ResetPasswordAsync(user, await manager.GeneratePasswordResetTokenAsync(user), request.NewPassword),
        async () => await manager.RemoveFromRolesAsync(user, (await manager.GetRolesAsync(user)).Except(request.Roles)),
        async () => await manager.AddToRolesAsync(user, request.Roles.Except(await manager.GetRolesAsync(user))),
        () => manager.UpdateSecurityStampAsync(user),
    ];
}
