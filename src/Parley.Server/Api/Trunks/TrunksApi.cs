using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;
using Parley.Server.Voice;

namespace Parley.Server.Api.Trunks;

/// <summary><c>/api/v1/trunks</c>: the tenant's SIP trunks — who may send calls to its numbers, and how calls go out.</summary>
public static class TrunksApi
{
    public static RouteGroupBuilder MapTrunksApi(this RouteGroupBuilder api)
    {
        var trunks = api.MapGroup("/trunks").WithTags("Trunks");
        trunks.MapGet("/", ListAsync).RequirePermission(Permissions.TrunksRead);
        trunks.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.TrunksRead);
        trunks.MapPost("/", CreateAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.create");
        trunks.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.update");
        trunks.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Set<SipTrunk>().AsNoTracking().ToPageResultAsync(t => t.Name, page, TrunkDto.From, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        db.Set<SipTrunk>().AsNoTracking().Where(t => t.Id == id).ToETaggedResultAsync(http, TrunkDto.From, ct);

    private static async Task<IResult> CreateAsync(
        TrunkRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, IDataProtectionProvider protection, NumberDirectory directory,
        AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var trunk = new SipTrunk { Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Name = "", CreatedAt = now, UpdatedAt = now };
        if (await TrunkRequestRules.ApplyAsync(request, trunk, db, realms, protection, ct) is { } invalid)
        {
            return invalid;
        }

        db.Set<SipTrunk>().Add(trunk);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("trunk", trunk.Id).Describe($"created trunk '{trunk.Name}' ({trunk.AllowedAddresses.Count} address blocks)");
        ETags.Set(http, trunk.Version);
        return TypedResults.Created($"/api/v1/trunks/{trunk.Id}", TrunkDto.From(trunk));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, TrunkRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, IDataProtectionProvider protection, NumberDirectory directory,
        AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var trunk = await db.Set<SipTrunk>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (trunk is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, trunk.Version) is { } precondition)
        {
            return precondition;
        }

        if (await TrunkRequestRules.ApplyAsync(request, trunk, db, realms, protection, ct) is { } invalid)
        {
            return invalid;
        }

        trunk.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("trunk", trunk.Id).Describe($"updated trunk '{trunk.Name}'");
        ETags.Set(http, trunk.Version);
        return TypedResults.Ok(TrunkDto.From(trunk));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, NumberDirectory directory, AuditScope audit, CancellationToken ct)
    {
        var result = await db.Set<SipTrunk>().DeleteSingleAsync(
            t => t.Id == id,
            db,
            t => audit.Target("trunk", t.Id).Describe($"deleted trunk '{t.Name}'"),
            ct);
        directory.Invalidate();
        return result;
    }
}
