using Parley.Server.Auth;

namespace Parley.Server.Application.Platform;

/// <summary>The first step of every platform command and query: the platform permission (granted only inside the platform tenant).</summary>
internal static class PlatformGuard
{
    public static AppError? Require(CurrentActor actor, string permission) =>
        actor.Permissions.Contains(permission) ? null : AppError.Forbidden(permission);
}
