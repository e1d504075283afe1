using Parley.Domain.Security;
using Parley.Server.Auth;

namespace Parley.Server.Web.Layout;

/// <summary>Navigation by permission: the areas an actor may open, in menu order.</summary>
public static class WebAreas
{
    public static readonly IReadOnlyList<WebArea> All =
    [
        new("Workspace", "/workspace", Permissions.AgentSelf, "Sign in to routing, take offers, handle and wrap up interactions."),
        new("Supervisor", "/supervisor", Permissions.RealtimeRead, "Live queues, channels and agents; force an agent's state or sign them out."),
        new("Reports", "/reports", Permissions.ReportsRead, "Queue, agent, abandon, channel, wrap-up, CSAT and IVR reports; CSV and XLSX."),
    ];

    /// <summary>The admin console: shown to anyone who may administer one of its pages (<see cref="AdminAreas.Offered"/>).</summary>
    public static readonly WebArea Admin = new("Admin", AdminAreas.Path, "", "Agents, queues and the tenant's other settings.");

    /// <summary>The places <paramref name="actor"/> may open; a platform operator's is the admin console alone (their tenant takes no contacts).</summary>
    public static IReadOnlyList<WebArea> For(CurrentActor? actor) =>
        actor is null ? []
        : [
            .. AdminAreas.IsPlatformOperator(actor) ? [] : All.Where(a => actor.Permissions.Contains(a.Permission)),
            .. AdminAreas.Offered(actor) ? [Admin] : Array.Empty<WebArea>(),
        ];
}
