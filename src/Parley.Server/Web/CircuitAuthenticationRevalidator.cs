using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Server.Auth;
using Parley.Server.Auth.Sessions;

namespace Parley.Server.Web;

/// <summary>
/// A circuit outlives the request that opened it. Every security-stamp interval (the window in which REST requests and hub
/// connections see the same changes) the circuit's principal is checked again: its cookie session must still be live (not
/// signed out, user not deleted) and the user's security stamp unchanged. When it fails the circuit's user becomes
/// anonymous and the router sends the browser to the sign-in page.
/// </summary>
internal sealed class CircuitAuthenticationRevalidator(
    ILoggerFactory loggers, IServiceScopeFactory scopes, TimeProvider time, IOptions<SecurityStampValidatorOptions> stamps, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => stamps.Value.ValidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User, cancellationToken);

    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CurrentActor.From(user) is not { ActorType: ParleyClaims.ActorUser } actor || !Guid.TryParse(actor.ActorId, out var userId)
            || SessionClaims.SessionOf(user) is not { } session)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(actor.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        if (!(await DbTicketStore.LiveAsync(db, [session], time.GetUtcNow(), cancellationToken)).Contains(session))
        {
            return false;
        }

        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        return stamp is not null && stamp == user.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
    }
}
