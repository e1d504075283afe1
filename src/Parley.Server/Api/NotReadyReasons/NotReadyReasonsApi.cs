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
    public static RouteGroupBuilder MapNotReadyReasonsApi(this RouteGroupBuilder api)
    {
        var reasons = api.MapGroup("/not-ready-reasons").WithTags("Agents");
        reasons.MapGet("/", ListAsync).RequirePermission(Permissions.AgentsRead);
        reasons.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.AgentsRead);
        reasons.MapPost("/", CreateAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.create");
        reasons.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.update");
        reasons.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.AgentsWrite).Audited("not-ready-reasons.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.NotReadyReasons.AsNoTracking().ToPageResultAsync(r => r.Code, page, NotReadyReasonDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.NotReadyReasons.AsNoTracking().Where(r => r.Id == id).ToETaggedResultAsync(http, NotReadyReasonDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(NotReadyReasonRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (await db.NotReadyReasons.AnyAsync(r => r.Code == request.Code, ct))
        {
            return ApiProblems.Conflict($"A reason with code '{request.Code}' exists already.");
        }

        var reason = new NotReadyReason
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Code = request.Code,
            Name = request.Name,
            CreatedAt = time.GetUtcNow(),
        };
        db.NotReadyReasons.Add(reason);
        await db.SaveChangesAsync(ct);
        audit.Target("not-ready-reason", reason.Id).Describe($"created not-ready reason '{reason.Code}'");
        ETags.Set(http, reason.Version);
        return TypedResults.Created($"/api/v1/not-ready-reasons/{reason.Id}", NotReadyReasonDto.From(reason));
    }

    private static async Task<IResult> UpdateAsync(Guid id, NotReadyReasonRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var reason = await db.NotReadyReasons.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reason is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, reason.Version) is { } precondition)
        {
            return precondition;
        }

        if (await db.NotReadyReasons.AnyAsync(r => r.Code == request.Code && r.Id != id, ct))
        {
            return ApiProblems.Conflict($"A reason with code '{request.Code}' exists already.");
        }

        reason.Code = request.Code;
        reason.Name = request.Name;
        await db.SaveChangesAsync(ct);
        audit.Target("not-ready-reason", reason.Id).Describe($"updated not-ready reason '{reason.Code}'");
        ETags.Set(http, reason.Version);
        return TypedResults.Ok(NotReadyReasonDto.From(reason));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var reason = await db.NotReadyReasons.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reason is null)
        {
            return ApiProblems.NotFound();
        }

        db.NotReadyReasons.Remove(reason);
        await db.SaveChangesAsync(ct);
        audit.Target("not-ready-reason", reason.Id).Describe($"deleted not-ready reason '{reason.Code}'");
        return TypedResults.NoContent();
    }
}
