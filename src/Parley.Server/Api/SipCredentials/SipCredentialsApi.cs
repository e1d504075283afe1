using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;

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

    private static async Task<IResult> CreateAsync(
        SipCredentialRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (await CheckAsync(request, null, db, ct) is { } problem)
        {
            return problem;
        }

        var tenantId = CurrentActor.Require(http.User).TenantId;
        var realm = await RealmAsync(db, realms, tenantId, ct);
        var now = time.GetUtcNow();
        var credential = new SipCredential
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            UserId = request.UserId,
            SipUserName = request.SipUserName,
            Realm = realm,
            Ha1Md5 = SipHa1.Md5(request.SipUserName, realm, request.Password),
            Ha1Sha256 = SipHa1.Sha256(request.SipUserName, realm, request.Password),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<SipCredential>().Add(credential);
        await db.SaveChangesAsync(ct);
        audit.Target("sip-credential", credential.Id).Describe($"created SIP credential '{credential.SipUserName}'");
        ETags.Set(http, credential.Version);
        return TypedResults.Created($"/api/v1/sip-credentials/{credential.Id}", SipCredentialDto.From(credential));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, SipCredentialRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var credential = await db.Set<SipCredential>().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (credential is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, credential.Version) is { } precondition)
        {
            return precondition;
        }

        if (await CheckAsync(request, id, db, ct) is { } problem)
        {
            return problem;
        }

        var realm = await RealmAsync(db, realms, credential.TenantId, ct);
        credential.UserId = request.UserId;
        credential.SipUserName = request.SipUserName;
        credential.Realm = realm;
        credential.Ha1Md5 = SipHa1.Md5(request.SipUserName, realm, request.Password);
        credential.Ha1Sha256 = SipHa1.Sha256(request.SipUserName, realm, request.Password);
        credential.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        audit.Target("sip-credential", credential.Id).Describe($"replaced SIP credential '{credential.SipUserName}'");
        ETags.Set(http, credential.Version);
        return TypedResults.Ok(SipCredentialDto.From(credential));
    }

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        db.Set<SipCredential>().DeleteSingleAsync(
            c => c.Id == id,
            db,
            c => audit.Target("sip-credential", c.Id).Describe($"deleted SIP credential '{c.SipUserName}'"),
            ct);

    private static async Task<IResult?> CheckAsync(SipCredentialRequest request, Guid? self, ParleyDbContext db, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, ct))
        {
            return ApiProblems.Invalid(nameof(request.UserId), "No such user in this tenant.");
        }

        return await db.Set<SipCredential>().AnyAsync(c => c.SipUserName == request.SipUserName && c.Id != self, ct)
            ? ApiProblems.Conflict($"The SIP user name '{request.SipUserName}' is taken.")
            : null;
    }

    private static async Task<string> RealmAsync(ParleyDbContext db, SipRealms realms, Guid tenantId, CancellationToken ct) =>
        realms.For(await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Slug).SingleAsync(ct));
}
