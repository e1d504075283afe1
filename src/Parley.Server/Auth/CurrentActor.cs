using System.Security.Claims;
using OpenIddict.Abstractions;

namespace Parley.Server.Auth;

/// <summary>Who is making the request, read from the authenticated principal only.</summary>
public sealed record CurrentActor(Guid TenantId, string ActorType, string ActorId, string Name, IReadOnlySet<string> Permissions)
{
    public static CurrentActor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ParleyClaims.TenantId), out var tenantId))
        {
            return null;
        }

        var actorType = user.FindFirstValue(ParleyClaims.ActorType) ?? ParleyClaims.ActorUser;
        var id = user.FindFirstValue(OpenIddictConstants.Claims.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var name = user.FindFirstValue(OpenIddictConstants.Claims.Name) ?? user.FindFirstValue(ClaimTypes.Name) ?? id;
        var permissions = user.FindAll(ParleyClaims.Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CurrentActor(tenantId, actorType, id, name, permissions);
    }

    public static CurrentActor Require(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("The endpoint requires an authenticated tenant principal.");

    /// <summary>The permissions in <paramref name="requested"/> that this actor does not hold (and so cannot grant).</summary>
    public IReadOnlyList<string> MissingFrom(IEnumerable<string> requested) =>
        requested.Where(p => !Permissions.Contains(p)).Distinct(StringComparer.Ordinal).ToArray();
}
