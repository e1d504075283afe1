using System.ComponentModel.DataAnnotations;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.WrapUpCodes;

/// <summary>
/// <c>/api/v1/wrap-up-codes</c>: the tenant's wrap-up codes across its queues — list (with the queues offering each),
/// offer a code on queues, rename a code everywhere, withdraw it everywhere. The application layer's
/// <see cref="WrapUpCodeAdmin"/>, shared with the console.
/// </summary>
public static class WrapUpCodesApi
{
    public static RouteGroupBuilder MapWrapUpCodesApi(this RouteGroupBuilder api)
    {
        var codes = api.MapGroup("/wrap-up-codes").WithTags("Queues");
        codes.MapGet("/", ListAsync).RequirePermission(Permissions.QueuesRead);
        codes.MapPost("/", AddAsync).RequirePermission(Permissions.QueuesWrite).Audited("wrap-up-codes.add");
        codes.MapPut("/{code}", RenameAsync).RequirePermission(Permissions.QueuesWrite).Audited("wrap-up-codes.rename");
        codes.MapDelete("/{code}", RemoveAsync).RequirePermission(Permissions.QueuesWrite).Audited("wrap-up-codes.remove");
        return api;
    }

    private static async Task<IResult> ListAsync(string? filter, HttpContext http, WrapUpCodeAdmin codes, CancellationToken ct) =>
        (await codes.ListAsync(CurrentActor.Require(http.User), new ListQuery(filter, Take: ListQuery.MaxTake), ct))
        .ToHttp(page => TypedResults.Ok(new { items = page.Items, total = page.Total }));

    private static async Task<IResult> AddAsync(WrapUpCodeAddRequest request, HttpContext http, WrapUpCodeAdmin codes, CancellationToken ct) =>
        (await codes.AddAsync(CurrentActor.Require(http.User), request.Code, request.QueueIds ?? [], ct)).ToHttp(c => TypedResults.Ok(c));

    private static async Task<IResult> RenameAsync(string code, WrapUpCodeRenameRequest request, HttpContext http, WrapUpCodeAdmin codes, CancellationToken ct) =>
        (await codes.RenameAsync(CurrentActor.Require(http.User), code, request.Code, ct)).ToHttp(c => TypedResults.Ok(c));

    private static async Task<IResult> RemoveAsync(string code, HttpContext http, WrapUpCodeAdmin codes, CancellationToken ct) =>
        (await codes.RemoveAsync(CurrentActor.Require(http.User), code, ct)).ToHttp();
}

/// <summary>Offer <see cref="Code"/> on the queues named.</summary>
public sealed record WrapUpCodeAddRequest([property: MaxLength(WrapUpCodeAdmin.MaxCodeLength)] string? Code, [property: MaxLength(500)] IReadOnlyList<Guid>? QueueIds);

/// <summary>The code's new name.</summary>
public sealed record WrapUpCodeRenameRequest([property: MaxLength(WrapUpCodeAdmin.MaxCodeLength)] string? Code);
