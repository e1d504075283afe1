using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Application;
using Parley.Server.Application.Supervision;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Realtime;

/// <summary><c>/api/v1/realtime</c>: live metrics from the tenant's routing engine, per queue and per agent.</summary>
public static class RealtimeApi
{
    public static RouteGroupBuilder MapRealtimeApi(this RouteGroupBuilder api)
    {
        var realtime = api.MapGroup("/realtime").WithTags("Realtime");
        realtime.MapGet("/queues", QueuesAsync).RequirePermission(Permissions.RealtimeRead);
        realtime.MapGet("/agents", AgentsAsync).RequirePermission(Permissions.RealtimeRead);
        realtime.MapGet("/dashboard", DashboardAsync).RequirePermission(Permissions.RealtimeRead);
        return api;
    }

    /// <summary>The supervisor dashboard: totals, per queue (with alert levels), per channel and per agent; see <c>docs/web.md</c>.</summary>
    private static async Task<IResult> DashboardAsync(HttpContext http, SupervisorDashboard dashboard, CancellationToken ct) =>
        (await dashboard.GetAsync(CurrentActor.Require(http.User), ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> QueuesAsync(ParleyDbContext db, RoutingGateway routing, CancellationToken ct)
    {
        var names = await db.Queues.AsNoTracking().ToDictionaryAsync(q => RoutingDefinitions.Key(q.Id), q => q.Name, ct);
        var views = await routing.Grain.GetQueues();
        return TypedResults.Ok(new
        {
            items = views.Where(v => names.ContainsKey(v.QueueId)).Select(v => new { name = names[v.QueueId], metrics = v }).OrderBy(v => v.name, StringComparer.Ordinal).ToArray(),
        });
    }

    private static async Task<IResult> AgentsAsync(ParleyDbContext db, RoutingGateway routing, CancellationToken ct)
    {
        var names = await db.Agents.AsNoTracking().ToDictionaryAsync(a => RoutingDefinitions.Key(a.Id), a => a.DisplayName, ct);
        var views = await routing.Grain.GetAgents();
        return TypedResults.Ok(new
        {
            items = views.Where(v => names.ContainsKey(v.AgentId)).Select(v => new { name = names[v.AgentId], live = v }).OrderBy(v => v.name, StringComparer.Ordinal).ToArray(),
        });
    }
}
