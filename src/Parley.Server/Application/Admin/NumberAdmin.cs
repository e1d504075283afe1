using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Numbers;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice;
using Parley.Voice.Numbers;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The tenant's phone numbers for <c>/api/v1/numbers</c> and the console's <c>/admin/numbers</c>: list, read, point one (by its
/// E.164 form) at a published flow or a queue, re-point with the version read (a different one is <see cref="AppErrorKind.Stale"/>),
/// unpoint. Numbers are assigned by the platform operator, so a tenant never creates or deletes one. Needs
/// <c>numbers.read</c>/<c>numbers.write</c>; another tenant's number is not found. Every change reloads the SIP edge's directory.
/// </summary>
internal sealed class NumberAdmin(ParleyDbContext db, TenantContext tenant, NumberDirectory directory, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<NumberDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.NumbersRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Set<PhoneNumber>().AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(n => n.Number.Contains(needle) || (n.Description != null && n.Description.ToLower().Contains(needle)));
        }

        var sorted = query.Sort switch
        {
            "targetKind" => rows.SortBy(n => n.TargetKind, query.Descending).ThenBy(n => n.Number),
            "description" => rows.SortBy(n => n.Description, query.Descending).ThenBy(n => n.Number),
            _ => rows.SortBy(n => n.Number, query.Descending),
        };
        return AppResult<ListPage<NumberDto>>.Ok(await sorted.ToListPageAsync(query, NumberDto.From, ct));
    }

    public async Task<AppResult<NumberDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.NumbersRead) is { } refused)
        {
            return refused;
        }

        return await db.Set<PhoneNumber>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct) is { } number
            ? AppResult<NumberDto>.Ok(NumberDto.From(number))
            : AppError.NotFound();
    }

    /// <summary>What a number may point at: the tenant's queues, and its flows that have a published version.</summary>
    public async Task<AppResult<NumberTargets>> TargetsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.NumbersRead) is { } refused)
        {
            return refused;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new Choice(q.Id, q.Name)).ToListAsync(ct);
        var flows = await db.Flows.AsNoTracking().Where(f => f.PublishedVersion != null).OrderBy(f => f.Name).Select(f => new Choice(f.Id, f.Name)).ToListAsync(ct);
        return AppResult<NumberTargets>.Ok(new NumberTargets(queues, flows));
    }

    /// <summary>Points the tenant's number <see cref="PointNumberRequest.Number"/> (E.164) at the target.</summary>
    public async Task<AppResult<NumberDto>> PointAsync(CurrentActor actor, PointNumberRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.NumbersWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (!E164.TryParseInternational(request.Number, out var e164))
        {
            return AppError.Invalid("number", "An E.164 number: + then 8 to 15 digits.");
        }

        if (await db.Set<PhoneNumber>().SingleOrDefaultAsync(n => n.Number == e164, ct) is not { } number)
        {
            return AppError.NotFound();
        }

        return await SaveAsync(number, request.TargetKind, request.TargetId, request.Description, ct);
    }

    /// <summary>Re-points the number if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<NumberDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, NumberTargetRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.NumbersWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.Set<PhoneNumber>(), n => n.Id == id, expectedVersion, ct);
        return found.Value is { } number ? await SaveAsync(number, request.TargetKind, request.TargetId, request.Description, ct) : found.Error!;
    }

    /// <summary>Makes the number point nowhere (its calls answer 480); the number stays the tenant's.</summary>
    public async Task<AppResult<Done>> UnpointAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.NumbersWrite) is { } refused)
        {
            return refused;
        }

        if (await db.Set<PhoneNumber>().SingleOrDefaultAsync(n => n.Id == id, ct) is not { } number)
        {
            return AppError.NotFound();
        }

        number.TargetKind = nameof(InboundTargetKind.None);
        number.TargetId = null;
        number.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"number {number.Number} points nowhere");
        return AppResult<Done>.Ok(Done.Value);
    }

    private async Task<AppResult<NumberDto>> SaveAsync(PhoneNumber number, string kind, Guid? target, string? description, CancellationToken ct)
    {
        if (ProblemErrors.From(await NumberTargetRules.ApplyAsync(kind, target, description, number, db, ct)) is { } invalid)
        {
            return invalid;
        }

        number.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"number {number.Number} points at {number.TargetKind} {number.TargetId}");
        return AppResult<NumberDto>.Ok(NumberDto.From(number));
    }
}
