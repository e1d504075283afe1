using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Server.Auth.Guessing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Parley.Server.Auth;

/// <summary>
/// <c>POST /connect/token</c> (client credentials). OpenIddict has already checked the client secret; this adds the
/// tenant and the client's permissions to the access token, or refuses revoked clients and suspended tenants.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var client = await db.ApiClients.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, ct);
        var tenant = client is null ? null : await db.Tenants.SingleOrDefaultAsync(t => t.Id == client.TenantId, ct);
        var refusal = client is null ? "unknown client"
            : client.RevokedAt is not null ? "client revoked"
            : tenant?.Status != TenantStatus.Active ? "tenant not active"
            : null;
        if (refusal is not null || client is null || tenant is null)
        {
            http.Items[ClientAuthenticationFailureLogger.ReasonItem] = refusal ?? "unknown client";
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The client is not allowed to get tokens.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.Name)
            .SetClaim(ParleyClaims.TenantId, client.TenantId.ToString())
            .SetClaim(ParleyClaims.TenantSlug, tenant.Slug)
            .SetClaim(ParleyClaims.ActorType, ParleyClaims.ActorApiClient)
            .SetClaims(ParleyClaims.Permission, [.. client.GetPermissions()]);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
