using Microsoft.AspNetCore.Mvc;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.CannedResponses;

/// <summary>
/// <c>/api/v1/canned-responses</c>: adapters over <see cref="CannedResponseService"/> (the workspace uses the same). The row
/// version is the ETag; PUT needs it in If-Match (428 without, 412 when stale), like every versioned resource.
/// </summary>
public static class CannedResponsesApi
{
    private const string Path = "/api/v1/canned-responses";

    public static RouteGroupBuilder MapCannedResponsesApi(this RouteGroupBuilder api)
    {
        // agent.self to use them; the service checks it again and tenant.settings.write for the tenant's responses.
        var responses = api.MapGroup("/canned-responses").WithTags("Canned responses").RequirePermission(Permissions.AgentSelf);
        responses.MapGet("/", ListAsync);
        responses.MapGet("/{id:guid}", GetAsync);
        responses.MapPost("/", CreateAsync).Audited("canned-responses.create");
        responses.MapPut("/{id:guid}", UpdateAsync).Audited("canned-responses.update");
        responses.MapDelete("/{id:guid}", DeleteAsync).Audited("canned-responses.delete");
        return api;
    }

    private static async Task<IResult> ListAsync([FromQuery] string? scope, HttpContext http, CannedResponseService service, CancellationToken ct) =>
        (await service.ListAsync(CurrentActor.Require(http.User), scope, ct)).ToHttp(list => TypedResults.Ok(new { items = list }));

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CannedResponseService service, CancellationToken ct) =>
        (await service.GetAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(view => Tagged(http, view, TypedResults.Ok(view)));

    private static async Task<IResult> CreateAsync(CannedResponseInput input, HttpContext http, CannedResponseService service, CancellationToken ct) =>
        (await service.CreateAsync(CurrentActor.Require(http.User), input, ct)).ToHttp(view => Tagged(http, view, TypedResults.Created($"{Path}/{view.Id}", view)));

    private static async Task<IResult> UpdateAsync(Guid id, CannedResponseInput input, HttpContext http, CannedResponseService service, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        var current = await service.GetAsync(actor, id, ct);
        if (current.Error is { } error)
        {
            return error.ToProblem();
        }

        if (ETags.CheckIfMatch(http, current.Value!.Version) is { } precondition)
        {
            return precondition;
        }

        return (await service.UpdateAsync(actor, id, input, current.Value.Version, ct)).ToHttp(view => Tagged(http, view, TypedResults.Ok(view)));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, CannedResponseService service, CancellationToken ct) =>
        (await service.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, CannedResponseView view, IResult result)
    {
        ETags.Set(http, view.Version);
        return result;
    }
}
