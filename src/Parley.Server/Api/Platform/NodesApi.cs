using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Platform;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Platform;

/// <summary>
/// <c>/api/v1/platform/nodes</c>: the cluster's nodes (id, address, active or draining, live calls), and
/// <c>POST /api/v1/platform/nodes/{id}/drain</c>, which drains one for a rolling restart (202 with its status; audited).
/// </summary>
public static class NodesApi
{
    public static RouteGroupBuilder MapNodesApi(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/platform/nodes").WithTags("Platform");
        nodes.MapGet("/", ListAsync).RequirePermission(Permissions.PlatformNodesRead);
        nodes.MapPost("/{id}/drain", DrainAsync).RequirePermission(Permissions.PlatformNodesWrite).Audited("nodes.drain");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, PlatformNodeAdmin nodes) =>
        (await nodes.ListAsync(CurrentActor.Require(http.User))).ToHttp(list => TypedResults.Ok(new { items = list }));

    private static async Task<IResult> DrainAsync(string id, HttpContext http, PlatformNodeAdmin nodes) =>
        (await nodes.DrainAsync(CurrentActor.Require(http.User), id)).ToHttp(node => TypedResults.Accepted((string?)null, node));
}
