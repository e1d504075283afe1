using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.SipRegistrations;

/// <summary>
/// <c>/api/v1/sip/registrations</c>: the tenant's currently registered SIP devices (what the registrar acknowledged and
/// has not expired), and removal of a stale one by an administrator.
/// </summary>
public static class SipRegistrationsApi
{
    public static RouteGroupBuilder MapSipRegistrationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sip/registrations").WithTags("SIP registrations");
        group.MapGet("/", ListAsync).RequirePermission(Permissions.SipRegistrationsRead);
        group.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SipCredentialsWrite).Audited("sip-registrations.delete");
        return api;
    }

    /// <summary>Live registrations ordered by AOR; <c>?userId=</c> and <c>?aor=</c> narrow the list.</summary>
    private static Task<IResult> ListAsync(
        ParleyDbContext db, TimeProvider time, [AsParameters] PageRequest page, Guid? userId, string? aor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = db.Set<SipRegistration>().AsNoTracking().Where(r => r.ExpiresAt > now);
        if (userId is { } user)
        {
            query = query.Where(r => r.UserId == user);
        }

        if (!string.IsNullOrEmpty(aor))
        {
            query = query.Where(r => r.Aor == aor);
        }

        return query.ToPageResultAsync(r => r.Aor + " " + r.Id, page, SipRegistrationDto.From, ct);
    }

    // The removal is the application layer's (SipRegistrationAdmin), shared with the admin console.
    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, SipRegistrationAdmin registrations, CancellationToken ct) =>
        (await registrations.RemoveAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();
}
