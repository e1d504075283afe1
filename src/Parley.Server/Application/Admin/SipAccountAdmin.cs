using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.SipCredentials;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;

namespace Parley.Server.Application.Admin;

/// <summary>
/// SIP accounts (device credentials of the tenant's users) for <c>/api/v1/sip-credentials</c> and the console's
/// <c>/admin/sip-accounts</c>: list, read, create, replace with the version read (a different one is <see cref="AppErrorKind.Stale"/>),
/// delete. The digest realm is the tenant's SIP domain; passwords are write-only and kept as HA1 hashes. Needs
/// <c>sip-credentials.write</c>; another tenant's account (or user) is not found.
/// </summary>
internal sealed class SipAccountAdmin(ParleyDbContext db, TenantContext tenant, SipRealms realms, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<SipCredentialDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipCredentialsWrite) is { } refused)
        {
            return refused;
        }

        var rows = db.Set<SipCredential>().AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(c => c.SipUserName.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "updatedAt" ? rows.SortBy(c => c.UpdatedAt, query.Descending).ThenBy(c => c.SipUserName) : rows.SortBy(c => c.SipUserName, query.Descending);
        return AppResult<ListPage<SipCredentialDto>>.Ok(await sorted.ToListPageAsync(query, SipCredentialDto.From, ct));
    }

    public async Task<AppResult<SipCredentialDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipCredentialsWrite) is { } refused)
        {
            return refused;
        }

        return await db.Set<SipCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } credential
            ? AppResult<SipCredentialDto>.Ok(SipCredentialDto.From(credential))
            : AppError.NotFound();
    }

    /// <summary>The tenant's users an account may belong to, by user name.</summary>
    public async Task<AppResult<IReadOnlyList<Choice>>> UsersAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipCredentialsWrite) is { } refused)
        {
            return refused;
        }

        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new Choice(u.Id, u.UserName!)).ToListAsync(ct);
        return AppResult<IReadOnlyList<Choice>>.Ok(users);
    }

    public async Task<AppResult<SipCredentialDto>> CreateAsync(CurrentActor actor, SipCredentialRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.SipCredentialsWrite) ?? RequestChecks.Check(request) ?? await CheckAsync(request, null, ct)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var credential = new SipCredential
        {
            Id = Guid.CreateVersion7(), TenantId = actor.TenantId, UserId = request.UserId, SipUserName = "", Realm = "", Ha1Md5 = "", Ha1Sha256 = "",
            CreatedAt = now, UpdatedAt = now,
        };
        await ApplyAsync(request, credential, ct);
        db.Set<SipCredential>().Add(credential);
        await db.SaveChangesAsync(ct);
        audit.Target("sip-credential", credential.Id).Describe($"created SIP credential '{credential.SipUserName}'");
        return AppResult<SipCredentialDto>.Ok(SipCredentialDto.From(credential));
    }

    /// <summary>Replaces the account (user, name and password) if it is still at <paramref name="expectedVersion"/> (null: any).</summary>
    public async Task<AppResult<SipCredentialDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, SipCredentialRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.SipCredentialsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(
            db, db.Set<SipCredential>(), c => c.Id == id, expectedVersion, async c =>
            {
                if (await CheckAsync(request, c.Id, ct) is { } invalid)
                {
                    return invalid;
                }

                await ApplyAsync(request, c, ct);
                c.UpdatedAt = time.GetUtcNow();
                return null;
            },
            _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(c => audit.Target("sip-credential", c.Id).Describe($"replaced SIP credential '{c.SipUserName}'"), SipCredentialDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipCredentialsWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Set<SipCredential>(), c => c.Id == id, _ => Task.FromResult<AppError?>(null), _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(c => audit.Target("sip-credential", c.Id).Describe($"deleted SIP credential '{c.SipUserName}'"));
    }

    private async Task<AppError?> CheckAsync(SipCredentialRequest request, Guid? self, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, ct))
        {
            return AppError.Invalid("userId", "No such user in this tenant.");
        }

        return await db.Set<SipCredential>().AnyAsync(c => c.SipUserName == request.SipUserName && c.Id != self, ct)
            ? AppError.Conflict($"The SIP user name '{request.SipUserName}' is taken.")
            : null;
    }

    private async Task ApplyAsync(SipCredentialRequest request, SipCredential credential, CancellationToken ct)
    {
        var slug = await db.Tenants.AsNoTracking().Where(t => t.Id == credential.TenantId).Select(t => t.Slug).SingleAsync(ct);
        var realm = realms.For(slug);
        credential.UserId = request.UserId;
        credential.SipUserName = request.SipUserName;
        credential.Realm = realm;
        credential.Ha1Md5 = SipHa1.Md5(request.SipUserName, realm, request.Password);
        credential.Ha1Sha256 = SipHa1.Sha256(request.SipUserName, realm, request.Password);
    }
}
