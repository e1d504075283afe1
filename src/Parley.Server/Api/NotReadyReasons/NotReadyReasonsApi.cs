using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
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

    // The writes are the application layer's (NotReadyReasonAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(NotReadyReasonRequest request, HttpContext http, NotReadyReasonAdmin reasons, CancellationToken ct) =>
        (await reasons.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(r => Tagged(http, r, TypedResults.Created($"/api/v1/not-ready-reasons/{r.Id}", r)));

    private static async Task<IResult> UpdateAsync(Guid id, NotReadyReasonRequest request, HttpContext http, NotReadyReasonAdmin reasons, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await reasons.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(r => Tagged(http, r, TypedResults.Ok(r)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, NotReadyReasonAdmin reasons, CancellationToken ct) =>
        (await reasons.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, NotReadyReasonDto reason, IResult result)
    {
        ETags.Set(http, reason.Version);
        return result;
    }
}
