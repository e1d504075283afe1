using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;
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

    // The writes are the application layer's (TrunkAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(TrunkRequest request, HttpContext http, TrunkAdmin trunks, CancellationToken ct) =>
        (await trunks.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(t => Created(http, t));

    private static async Task<IResult> UpdateAsync(Guid id, TrunkRequest request, HttpContext http, TrunkAdmin trunks, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await trunks.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(t => Ok(http, t));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, TrunkAdmin trunks, CancellationToken ct) =>
        (await trunks.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Created(HttpContext http, TrunkDto trunk)
    {
        ETags.Set(http, trunk.Version);
        return TypedResults.Created($"/api/v1/trunks/{trunk.Id}", trunk);
    }

    private static IResult Ok(HttpContext http, TrunkDto trunk)
    {
        ETags.Set(http, trunk.Version);
        return TypedResults.Ok(trunk);
    }
}
