using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Platform;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice;
using Parley.Voice.Numbers;

namespace Parley.Server.Application.Platform;

/// <summary>
/// The platform's pool of phone numbers for <c>/api/v1/platform/numbers</c> and the console's <c>/admin/platform/numbers</c>: every
/// assigned E.164 number and its tenant; assign one to a tenant (within its plan), release one. Rows belong to other tenants, so every
/// read and write goes through a unit of work of its own, without a tenant. Needs <c>platform.numbers.read</c>/<c>platform.numbers.write</c>.
/// </summary>
internal sealed class PlatformNumberAdmin(IServiceScopeFactory scopes, NumberDirectory directory, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<PlatformNumberDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformNumbersRead) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var rows = db.Set<PhoneNumber>().IgnoreQueryFilters().AsNoTracking();
        if (query.Needle is { } needle)
        {
            var tenantIds = db.Tenants.Where(t => t.Slug.Contains(needle) || t.Name.ToLower().Contains(needle)).Select(t => t.Id);
            rows = rows.Where(n => n.Number.Contains(needle) || tenantIds.Contains(n.TenantId));
        }

        var sorted = query.Sort switch
        {
            "assignedAt" => rows.SortBy(n => n.AssignedAt, query.Descending).ThenBy(n => n.Number),
            "tenantId" => rows.SortBy(n => n.TenantId, query.Descending).ThenBy(n => n.Number),
            _ => rows.SortBy(n => n.Number, query.Descending),
        };
        return AppResult<ListPage<PlatformNumberDto>>.Ok(await sorted.ToListPageAsync(query, PlatformNumberDto.From, ct));
    }

    /// <summary>The tenants a number may go to (not the platform's own), by slug.</summary>
    public async Task<AppResult<IReadOnlyList<Choice>>> TenantsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformNumbersRead) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Slug != TenantSlug.Platform).OrderBy(t => t.Slug).Select(t => new Choice(t.Id, t.Slug)).ToListAsync(ct);
        return AppResult<IReadOnlyList<Choice>>.Ok(tenants);
    }

    /// <summary>Assigns the E.164 number to the tenant, within the tenant's plan; a number is one tenant's at a time.</summary>
    public async Task<AppResult<PlatformNumberDto>> AssignAsync(CurrentActor actor, AssignNumberRequest request, CancellationToken ct)
    {
        if ((PlatformGuard.Require(actor, Permissions.PlatformNumbersWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (!E164.TryParseInternational(request.Number, out var e164))
        {
            return AppError.Invalid("number", "An E.164 number: + then 8 to 15 digits, the first not 0.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var plan = await db.Tenants.AsNoTracking().Where(t => t.Id == request.TenantId && t.Slug != TenantSlug.Platform)
            .Select(t => new { t.Plan.MaxPhoneNumbers }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return AppError.Invalid("tenantId", "No such tenant.");
        }

        if (plan.MaxPhoneNumbers is { } max && await db.Set<PhoneNumber>().IgnoreQueryFilters().CountAsync(n => n.TenantId == request.TenantId, ct) >= max)
        {
            return AppError.LimitReached("phoneNumbers", $"The tenant's plan allows {max} phone numbers and all are assigned; raise the plan or release one first.");
        }

        var taken = AppError.Conflict($"{e164} is assigned already; release it first.");
        if (await db.Set<PhoneNumber>().IgnoreQueryFilters().AnyAsync(n => n.Number == e164, ct))
        {
            return taken;
        }

        var now = time.GetUtcNow();
        var number = new PhoneNumber { Id = Guid.CreateVersion7(), TenantId = request.TenantId, Number = e164, Description = request.Description, AssignedAt = now, UpdatedAt = now };
        db.Set<PhoneNumber>().Add(number);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return taken;
        }

        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"assigned {e164} to tenant {request.TenantId}");
        return AppResult<PlatformNumberDto>.Ok(PlatformNumberDto.From(number));
    }

    /// <summary>Takes the number back from its tenant; its calls are no longer answered.</summary>
    public async Task<AppResult<Done>> ReleaseAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformNumbersWrite) is { } refused)
        {
            return refused;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        if (await db.Set<PhoneNumber>().IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == id, ct) is not { } number)
        {
            return AppError.NotFound();
        }

        db.Set<PhoneNumber>().Remove(number);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"released {number.Number} from tenant {number.TenantId}");
        return AppResult<Done>.Ok(Done.Value);
    }
}
