using Parley.Domain.Security;
using Parley.Server.Auth;

namespace Parley.Server.Web.Layout;

/// <summary>
/// Where <c>/</c> sends a signed-in person: an agent to the workspace; otherwise the supervisor dashboard; otherwise
/// the first admin page their permissions open (the platform operator's is the tenants page); else nowhere (null).
/// </summary>
public static class LandingPage
{
    /// <param name="actor">The signed-in person.</param>
    /// <param name="isAgent">Whether the person is linked to an agent in their tenant (holding <c>agent.self</c> is not enough).</param>
    public static string? For(CurrentActor actor, bool isAgent)
    {
        if (isAgent && actor.Permissions.Contains(Permissions.AgentSelf))
        {
            return "/workspace";
        }

        if (actor.Permissions.Contains(Permissions.PlatformTenantsRead))
        {
            return "/admin/platform/tenants";
        }

        if (actor.Permissions.Contains(Permissions.RealtimeRead))
        {
            return "/supervisor";
        }

        return AdminAreas.For(actor) is [var first, ..] ? first.Path : null;
    }
}
