using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.SipCredentials;

/// <summary>
/// <c>/api/v1/sip-credentials</c>: the SIP device credentials of the tenant's users (digest realm = the tenant's SIP
/// domain), separate from web passwords. Passwords are write-only and stored as HA1 hashes.
/// </summary>
public static class SipCredentialsApi
{
    public static RouteGroupBuilder MapSipCredentialsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sip-credentials").WithTags("SIP credentials");
        group.MapGet("/", ListAsync).RequirePermission(Permissions.SipCredentialsWrite);
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.SipCredentialsWrite);
        group.MapPost("/", CreateAsync).RequirePermission(Permissions.SipCredentialsWrite).Audited("sip-credentials.create");
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.SipCredentialsWrite).Audited("sip-credentials.update");
        group.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SipCredentialsWrite).Audited("sip-credentials.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Set<SipCredential>().AsNoTracking().ToPageResultAsync(c => c.SipUserName, page, SipCredentialDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        var credential = await db.Set<SipCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (credential is null)
        {
            return ApiProblems.NotFound();
        }

        ETags.Set(http, credential.Version);
        return TypedResults.Ok(SipCredentialDto.From(credential));
    }

    // The writes are the application layer's (SipAccountAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(SipCredentialRequest request, HttpContext http, SipAccountAdmin accounts, CancellationToken ct) =>
        (await accounts.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(c => Tagged(http, c, TypedResults.Created($"/api/v1/sip-credentials/{c.Id}", c)));

    private static async Task<IResult> UpdateAsync(Guid id, SipCredentialRequest request, HttpContext http, SipAccountAdmin accounts, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await accounts.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(c => Tagged(http, c, TypedResults.Ok(c)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, SipAccountAdmin accounts, CancellationToken ct) =>
        (await accounts.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, SipCredentialDto credential, IResult result)
    {
        ETags.Set(http, credential.Version);
        return result;
    }
}
