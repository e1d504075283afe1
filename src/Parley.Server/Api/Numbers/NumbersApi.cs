using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

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

    // The writes are the application layer's (NumberAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> PointAsync(PointNumberRequest request, HttpContext http, NumberAdmin numbers, CancellationToken ct) =>
        (await numbers.PointAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(n => Ok(http, n));

    private static async Task<IResult> UpdateAsync(Guid id, NumberTargetRequest request, HttpContext http, NumberAdmin numbers, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await numbers.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(n => Ok(http, n));

    private static async Task<IResult> UnpointAsync(Guid id, HttpContext http, NumberAdmin numbers, CancellationToken ct) =>
        (await numbers.UnpointAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Ok(HttpContext http, NumberDto number)
    {
        ETags.Set(http, number.Version);
        return TypedResults.Ok(number);
    }
}
