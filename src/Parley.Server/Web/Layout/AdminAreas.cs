using Parley.Domain.Security;
using Parley.Server.Auth;

namespace Parley.Server.Web.Layout;

/// <summary>The admin console's left navigation by permission, most used first (the platform's pages only platform operators hold).</summary>
public static class AdminAreas
{
    public const string Path = "/admin";

    public static readonly IReadOnlyList<AdminArea> All =
    [
        new("Tenants", "/admin/platform/tenants", Permissions.PlatformTenantsRead, "domain", "Platform", ForPlatform: true),
        new("Number pool", "/admin/platform/numbers", Permissions.PlatformNumbersRead, "dialpad", "Platform", ForPlatform: true),
        new("Agents", "/admin/agents", Permissions.AgentsRead, "support_agent", "Contact center"),
        new("Queues", "/admin/queues", Permissions.QueuesRead, "queue", "Contact center", Write: Permissions.QueuesWrite),
        new("Skills", "/admin/skills", Permissions.SkillsRead, "psychology", "Contact center", Write: Permissions.SkillsWrite),
        new("Not-ready reasons", "/admin/not-ready-reasons", Permissions.AgentsRead, "free_breakfast", "Contact center"),
        new("Wrap-up codes", "/admin/wrap-up-codes", Permissions.QueuesRead, "assignment_turned_in", "Contact center", Write: Permissions.QueuesWrite),
        new("Flows", "/admin/flows", Permissions.FlowsRead, "account_tree", "Contact center"),
        new("Schedules", "/admin/schedules", Permissions.FlowsRead, "schedule", "Contact center"),
        new("Chat widgets", "/admin/widgets", Permissions.QueuesRead, "chat", "Channels", Write: Permissions.QueuesWrite),
        new("Canned responses", "/admin/canned-responses", Permissions.TenantSettingsWrite, "quickreply", "Channels"),
        new("Phone numbers", "/admin/numbers", Permissions.NumbersRead, "dialpad", "Telephony"),
        new("SIP trunks", "/admin/trunks", Permissions.TrunksRead, "settings_ethernet", "Telephony"),
        new("SIP accounts", "/admin/sip-accounts", Permissions.SipCredentialsWrite, "phone_in_talk", "Telephony"),
        new("Users", "/admin/users", Permissions.UsersRead, "group", "People and access", ForPlatform: true),
        new("Roles", "/admin/roles", Permissions.RolesRead, "admin_panel_settings", "People and access", ForPlatform: true),
        new("API clients", "/admin/api-clients", Permissions.ApiClientsRead, "key", "Integrations", ForPlatform: true),
        new("Webhooks", "/admin/webhooks", Permissions.WebhooksWrite, "webhook", "Integrations"),
        new("Audit log", "/admin/audit", Permissions.AuditRead, "policy", "Security", ForPlatform: true),
        new("Tenant settings", "/admin/settings", Permissions.TenantSettingsWrite, "tune", "Settings", ForPlatform: true),
    ];

    /// <summary>What the built-in agent role holds for the work itself; reading a page with these alone is not administering it.</summary>
    private static readonly HashSet<string> AgentWork = [.. BuiltInRoles.ForTenant[BuiltInRoles.Agent]];

    /// <summary>
    /// The pages <paramref name="actor"/>'s permissions open. A platform operator (platform permissions are granted only
    /// in the platform tenant) sees the platform's pages and that tenant's people, access and audit, not the contact
    /// center sections of a tenant that runs none.
    /// </summary>
    public static IReadOnlyList<AdminArea> For(CurrentActor? actor) =>
        actor is null ? []
        : All.Where(a => actor.Permissions.Contains(a.Permission) && (a.ForPlatform || !IsPlatformOperator(actor))).ToArray();

    /// <summary>
    /// Whether the header offers <paramref name="actor"/> the console: some page they may open is theirs to change, or shows what
    /// only administrators and supervisors read. The reads an agent holds for their work (the built-in <c>agent</c> role's
    /// <c>queues.read</c> and <c>skills.read</c>: queues to transfer to, their own skills) open those pages read-only by address,
    /// but do not make a plain agent an administrator: without their write permission they do not count.
    /// </summary>
    public static bool Offered(CurrentActor? actor) =>
        actor is not null && For(actor).Any(a => !AgentWork.Contains(a.Permission) || (a.Write is { } write && actor.Permissions.Contains(write)));

    /// <summary>Whether <paramref name="actor"/> works for the platform: platform permissions exist only in its tenant.</summary>
    public static bool IsPlatformOperator(CurrentActor actor) =>
        Permissions.Catalogue.Any(p => p.PlatformOnly && actor.Permissions.Contains(p.Name));
}
