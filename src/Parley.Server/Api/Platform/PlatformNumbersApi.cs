using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice;
using Parley.Voice.Numbers;

namespace Parley.Server.Api.Platform;

/// <summary>
/// <c>/api/v1/platform/numbers</c>: the platform operator assigns each E.164 number to exactly one tenant and releases it.
/// Rows belong to other tenants, so writes go through a unit of work without a tenant (the platform's own is refused).
/// </summary>
public static class PlatformNumbersApi
{
    public static RouteGroupBuilder MapPlatformNumbersApi(this RouteGroupBuilder api)
    {
        var numbers = api.MapGroup("/platform/numbers").WithTags("Platform");
        numbers.MapGet("/", ListAsync).RequirePermission(Permissions.PlatformNumbersRead);
        numbers.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.PlatformNumbersRead);
        numbers.MapPost("/", AssignAsync).RequirePermission(Permissions.PlatformNumbersWrite).Audited("numbers.assign");
        numbers.MapDelete("/{id:guid}", ReleaseAsync).RequirePermission(Permissions.PlatformNumbersWrite).Audited("numbers.release");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Set<PhoneNumber>().IgnoreQueryFilters().AsNoTracking().ToPageResultAsync(n => n.Number, page, PlatformNumberDto.From, ct);

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        db.Set<PhoneNumber>().IgnoreQueryFilters().AsNoTracking().Where(n => n.Id == id).ToETaggedResultAsync(http, PlatformNumberDto.From, ct);

    private static async Task<IResult> AssignAsync(
        AssignNumberRequest request, HttpContext http, IServiceScopeFactory scopes, NumberDirectory directory, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var written = request.Number.Trim();
        if (!(written.StartsWith('+') || written.StartsWith("tel:+", StringComparison.OrdinalIgnoreCase)) || !E164.TryNormalise(written, NumberingRule.None, out var e164))
        {
            return ApiProblems.Invalid("number", "An E.164 number: + then 8 to 15 digits, the first not 0.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var plan = await db.Tenants.AsNoTracking().Where(t => t.Id == request.TenantId && t.Slug != TenantSlug.Platform)
            .Select(t => new { t.Plan.MaxPhoneNumbers }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return ApiProblems.Invalid("tenantId", "No such tenant.");
        }

        if (plan.MaxPhoneNumbers is { } max && await db.Set<PhoneNumber>().IgnoreQueryFilters().CountAsync(n => n.TenantId == request.TenantId, ct) >= max)
        {
            return ApiProblems.LimitReached("phoneNumbers", $"The tenant's plan allows {max} phone numbers and all are assigned; raise the plan or release one first.");
        }

        if (await db.Set<PhoneNumber>().IgnoreQueryFilters().AnyAsync(n => n.Number == e164, ct))
        {
            return ApiProblems.Conflict($"{e164} is assigned already; release it first.");
        }

        var now = time.GetUtcNow();
        var number = new PhoneNumber
        {
            Id = Guid.CreateVersion7(),
            TenantId = request.TenantId,
            Number = e164,
            Description = request.Description,
            AssignedAt = now,
            UpdatedAt = now,
        };
        db.Set<PhoneNumber>().Add(number);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict($"{e164} is assigned already; release it first.");
        }

        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"assigned {e164} to tenant {request.TenantId}");
        ETags.Set(http, number.Version);
        return TypedResults.Created($"/api/v1/platform/numbers/{number.Id}", PlatformNumberDto.From(number));
    }

    private static async Task<IResult> ReleaseAsync(Guid id, IServiceScopeFactory scopes, NumberDirectory directory, AuditScope audit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var number = await db.Set<PhoneNumber>().IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (number is null)
        {
            return ApiProblems.NotFound();
        }

        db.Set<PhoneNumber>().Remove(number);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        audit.Target("number", number.Id).Describe($"released {number.Number} from tenant {number.TenantId}");
        return TypedResults.NoContent();
    }
}
