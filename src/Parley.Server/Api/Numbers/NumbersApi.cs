using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice;
using Parley.Voice.Numbers;

namespace Parley.Server.Api.Numbers;

/// <summary>
/// <c>/api/v1/numbers</c>: the tenant's phone numbers (assigned by the platform operator) and where they point. A tenant
/// sees and points only its own numbers; another tenant's number answers 404 like a missing one.
/// </summary>
public static class NumbersApi
{
    public static RouteGroupBuilder MapNumbersApi(this RouteGroupBuilder api)
    {
        var numbers = api.MapGroup("/numbers").WithTags("Numbers");
        numbers.MapGet("/", ListAsync).RequirePermission(Permissions.NumbersRead);
        numbers.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.NumbersRead);
        numbers.MapPost("/", PointAsync).RequirePermission(Permissions.NumbersWrite).Audited("numbers.point");
        numbers.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.NumbersWrite).Audited("numbers.update");
        numbers.MapDelete("/{id:guid}", UnpointAsync).RequirePermission(Permissions.NumbersWrite).Audited("numbers.unpoint");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Set<PhoneNumber>().AsNoTracking().ToPageResultAsync(n => n.Number, page, NumberDto.From, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        db.Set<PhoneNumber>().AsNoTracking().Where(n => n.Id == id).ToETaggedResultAsync(http, NumberDto.From, ct);

    private static async Task<IResult> PointAsync(
        PointNumberRequest request, HttpContext http, ParleyDbContext db, NumberDirectory directory, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (!E164.TryNormalise(request.Number, NumberingRule.None, out var e164))
        {
            return ApiProblems.Invalid("number", "An E.164 number: + then 8 to 15 digits.");
        }

        var number = await db.Set<PhoneNumber>().SingleOrDefaultAsync(n => n.Number == e164, ct);
        if (number is null)
        {
            return ApiProblems.NotFound();
        }

        return await SaveAsync(number, request.TargetKind, request.TargetId, request.Description, http, db, directory, audit, time, ct);
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, NumberTargetRequest request, HttpContext http, ParleyDbContext db, NumberDirectory directory, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var number = await db.Set<PhoneNumber>().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (number is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, number.Version) is { } precondition)
        {
            return precondition;
        }

        return await SaveAsync(number, request.TargetKind, request.TargetId, request.Description, http, db, directory, audit, time, ct);
    }

    private static async Task<IResult> UnpointAsync(Guid id, ParleyDbContext db, NumberDirectory directory, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var number = await db.Set<PhoneNumber>().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (number is null)
        {
            return ApiProblems.NotFound();
        }

        number.TargetKind = nameof(InboundTargetKind.None);
        number.TargetId = null;
        number.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"number {number.Number} points nowhere");
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SaveAsync(
        PhoneNumber number, string kind, Guid? target, string? description, HttpContext http, ParleyDbContext db, NumberDirectory directory, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (await NumberTargetRules.ApplyAsync(kind, target, description, number, db, ct) is { } invalid)
        {
            return invalid;
        }

        number.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"number {number.Number} points at {number.TargetKind} {number.TargetId}");
        ETags.Set(http, number.Version);
        return TypedResults.Ok(NumberDto.From(number));
    }
}
