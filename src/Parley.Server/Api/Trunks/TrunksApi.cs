using Microsoft.AspNetCore.DataProtection;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;
using Parley.Server.Voice;

namespace Parley.Server.Api.Trunks;

/// <summary>
/// <c>/api/v1/trunks</c>: the tenant's SIP trunks — who may send calls to its numbers, and how calls go out. Every write
/// makes this node's SIP edge reload its <see cref="NumberDirectory"/>.
/// </summary>
public static class TrunksApi
{
    private static readonly VersionedResource<SipTrunk, TrunkDto> Trunks = new("trunk", "/api/v1/trunks", db => db.Set<SipTrunk>(), t => t.Id, TrunkDto.From);

    public static RouteGroupBuilder MapTrunksApi(this RouteGroupBuilder api)
    {
        // Mapped one by one, not through VersionedResource.MapRoutes: the validation generator sees a handler's body type
        // (TrunkRequest's ranges and patterns) only when the handler is a method group at the Map call.
        var trunks = api.MapGroup("/trunks").WithTags("Trunks");
        trunks.MapGet("/", ListAsync).RequirePermission(Permissions.TrunksRead);
        trunks.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.TrunksRead);
        trunks.MapPost("/", CreateAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.create");
        trunks.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.update");
        trunks.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.TrunksWrite).Audited("trunks.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        Trunks.ListAsync(db, t => t.Name, page, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) => Trunks.GetAsync(db, id, http, ct);

    private static Task<IResult> CreateAsync(
        TrunkRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, IDataProtectionProvider protection, NumberDirectory directory,
        AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var trunk = new SipTrunk { Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Name = "", CreatedAt = now, UpdatedAt = now };
        return Trunks.CreateAsync(
            db, http, audit, trunk, t => TrunkRequestRules.ApplyAsync(request, t, db, realms, protection, ct),
            t => $"created trunk '{t.Name}' ({t.AllowedAddresses.Count} address blocks)", ct, _ => Reload(directory));
    }

    private static Task<IResult> UpdateAsync(
        Guid id, TrunkRequest request, HttpContext http, ParleyDbContext db, SipRealms realms, IDataProtectionProvider protection, NumberDirectory directory,
        AuditScope audit, TimeProvider time, CancellationToken ct) =>
        Trunks.UpdateAsync(
            db, http, audit, id, async t =>
            {
                t.UpdatedAt = time.GetUtcNow();
                return await TrunkRequestRules.ApplyAsync(request, t, db, realms, protection, ct);
            },
            t => $"updated trunk '{t.Name}'", ct, _ => Reload(directory));

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, NumberDirectory directory, AuditScope audit, CancellationToken ct) =>
        Trunks.DeleteAsync(db, audit, id, VersionedResource<SipTrunk, TrunkDto>.Allowed, t => $"deleted trunk '{t.Name}'", ct, _ => Reload(directory));

    private static Task Reload(NumberDirectory directory)
    {
        directory.Invalidate();
        return Task.CompletedTask;
    }
}
