using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Platform;
using Parley.Server.Audit;
using Parley.Server.Auth;

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

    // The writes are the application layer's (PlatformNumberAdmin), shared with the admin console.
    private static async Task<IResult> AssignAsync(AssignNumberRequest request, HttpContext http, PlatformNumberAdmin numbers, CancellationToken ct) =>
        (await numbers.AssignAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(n =>
        {
            ETags.Set(http, n.Version);
            return TypedResults.Created($"/api/v1/platform/numbers/{n.Id}", n);
        });

    private static async Task<IResult> ReleaseAsync(Guid id, HttpContext http, PlatformNumberAdmin numbers, CancellationToken ct) =>
        (await numbers.ReleaseAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();
}
