using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Api.Flows;

/// <summary>"Try it": runs the draft (or a version) against typed input with the pure interpreter; nothing is stored or called.</summary>
public static partial class FlowsApi
{
    private static async Task<IResult> TryAsync(Guid id, FlowTryRequest? request, HttpContext http, FlowAdmin flows, CancellationToken ct) =>
        (await flows.TryAsync(CurrentActor.Require(http.User), id, request, ct)).ToHttp(r => TypedResults.Ok(r));
}
