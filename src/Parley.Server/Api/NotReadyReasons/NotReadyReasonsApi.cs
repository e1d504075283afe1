using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.NotReadyReasons;

/// <summary><c>/api/v1/not-ready-reasons</c>: the tenant's reasons for being signed in but not ready.</summary>
public static class NotReadyReasonsApi
{
    private static readonly VersionedResource<NotReadyReason, NotReadyReasonDto> Reasons =
        new("not-ready-reason", "/api/v1/not-ready-reasons", db => db.NotReadyReasons, r => r.Id, NotReadyReasonDto.From);

    public static RouteGroupBuilder MapNotReadyReasonsApi(this RouteGroupBuilder api)
    {
        var reasons = api.MapGroup("/not-ready-reasons").WithTags("Agents");
        Reasons.MapReads(reasons, Permissions.AgentsRead, r => r.Code);
        // Writes are mapped here, as method groups, so the request validation generator sees their bodies.
        reasons.MapPost("/", CreateAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.create");
        reasons.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.update");
        reasons.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.delete");
        return api;
    }

    private static Task<IResult> CreateAsync(NotReadyReasonRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var reason = new NotReadyReason
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Code = request.Code,
            Name = request.Name,
            CreatedAt = time.GetUtcNow(),
        };
        return Reasons.CreateAsync(db, http, audit, reason, r => ApplyAsync(request, r, db, ct), r => $"created not-ready reason '{r.Code}'", ct);
    }

    private static Task<IResult> UpdateAsync(Guid id, NotReadyReasonRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Reasons.UpdateAsync(db, http, audit, id, r => ApplyAsync(request, r, db, ct), r => $"updated not-ready reason '{r.Code}'", ct);

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Reasons.DeleteAsync(db, audit, id, VersionedResource<NotReadyReason, NotReadyReasonDto>.Allowed, r => $"deleted not-ready reason '{r.Code}'", ct);

    private static async Task<IResult?> ApplyAsync(NotReadyReasonRequest request, NotReadyReason reason, ParleyDbContext db, CancellationToken ct)
    {
        if (await db.NotReadyReasons.AnyAsync(r => r.Code == request.Code && r.Id != reason.Id, ct))
        {
            return ApiProblems.Conflict($"A reason with code '{request.Code}' exists already.");
        }

        reason.Code = request.Code;
        reason.Name = request.Name;
        return null;
    }
}
