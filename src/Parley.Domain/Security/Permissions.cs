namespace Parley.Domain.Security;

/// <summary>
/// The permission catalogue. Every endpoint requires one of these by name; roles are sets of them.
/// Names are stable API: clients and custom roles refer to them.
/// </summary>
public static class Permissions
{
    public const string UsersRead = "users.read";
    public const string UsersWrite = "users.write";
    public const string RolesRead = "roles.read";
    public const string RolesWrite = "roles.write";
    public const string ApiClientsRead = "api-clients.read";
    public const string ApiClientsWrite = "api-clients.write";
    public const string AgentsRead = "agents.read";
    public const string AgentsWrite = "agents.write";
    public const string AgentsStateForce = "agents.state.force";
    public const string AgentSelf = "agent.self";
    public const string QueuesRead = "queues.read";
    public const string QueuesWrite = "queues.write";
    public const string SkillsRead = "skills.read";
    public const string SkillsWrite = "skills.write";
    public const string FlowsRead = "flows.read";
    public const string FlowsWrite = "flows.write";
    public const string InteractionsRead = "interactions.read";
    public const string InteractionsWrite = "interactions.write";
    public const string RecordingsListen = "recordings.listen";
    public const string RecordingsDelete = "recordings.delete";
    public const string ReportsRead = "reports.read";
    public const string RealtimeRead = "realtime.read";
    public const string WebhooksWrite = "webhooks.write";
    public const string SuperviseListen = "supervise.listen";
    public const string SuperviseWhisper = "supervise.whisper";
    public const string SuperviseBarge = "supervise.barge";
    public const string SuperviseIntercept = "supervise.intercept";
    public const string QualityReview = "quality.review";
    public const string AuditRead = "audit.read";
    public const string SipCredentialsWrite = "sip-credentials.write";
    public const string SipRegistrationsRead = "sip-registrations.read";
    public const string NumbersRead = "numbers.read";
    public const string NumbersWrite = "numbers.write";
    public const string TrunksRead = "trunks.read";
    public const string TrunksWrite = "trunks.write";
    public const string TenantSettingsWrite = "tenant.settings.write";
    public const string CallsRead = "calls.read";
    public const string CallsMonitor = "calls.monitor";

    /// <summary>Platform-operator permissions; only grantable inside the platform tenant.</summary>
    public const string PlatformTenantsRead = "platform.tenants.read";
    public const string PlatformTenantsWrite = "platform.tenants.write";
    public const string PlatformNumbersRead = "platform.numbers.read";
    public const string PlatformNumbersWrite = "platform.numbers.write";
    public const string PlatformNodesRead = "platform.nodes.read";
    public const string PlatformNodesWrite = "platform.nodes.write";

    public static IReadOnlyList<PermissionInfo> Catalogue { get; } =
    [
        new(UsersRead, "View users"),
        new(UsersWrite, "Create, change and delete users"),
        new(RolesRead, "View roles"),
        new(RolesWrite, "Create, change and delete custom roles"),
        new(ApiClientsRead, "View API clients"),
        new(ApiClientsWrite, "Create and revoke API clients"),
        new(AgentsRead, "View agents"),
        new(AgentsWrite, "Create and change agents, skills and capacities"),
        new(AgentsStateForce, "Force another agent's state"),
        new(AgentSelf, "Work as an agent: sign in, change own state, handle interactions"),
        new(QueuesRead, "View queues"),
        new(QueuesWrite, "Create and change queues"),
        new(SkillsRead, "View skills"),
        new(SkillsWrite, "Create and change skills"),
        new(FlowsRead, "View IVR and bot flows"),
        new(FlowsWrite, "Create and publish IVR and bot flows"),
        new(InteractionsRead, "View interactions and their history"),
        new(InteractionsWrite, "Create interactions through the API"),
        new(RecordingsListen, "Listen to and download recordings, read and request their transcriptions"),
        new(RecordingsDelete, "Delete recordings before their retention ends"),
        new(ReportsRead, "View reports"),
        new(RealtimeRead, "View real-time queue and agent metrics"),
        new(WebhooksWrite, "Manage webhook subscriptions"),
        new(SuperviseListen, "Listen to live calls"),
        new(SuperviseWhisper, "Whisper to agents on live calls"),
        new(SuperviseBarge, "Barge into live calls"),
        new(SuperviseIntercept, "Take over live calls"),
        new(QualityReview, "Review and score interactions"),
        new(AuditRead, "Read and verify the audit log"),
        new(SipCredentialsWrite, "Manage SIP credentials of users"),
        new(SipRegistrationsRead, "View registered SIP devices"),
        new(NumbersRead, "View the tenant's phone numbers and where they point"),
        new(NumbersWrite, "Point the tenant's phone numbers at flows and queues"),
        new(TrunksRead, "View SIP trunks"),
        new(TrunksWrite, "Create, change and delete SIP trunks"),
        new(TenantSettingsWrite, "Change the tenant's own settings (time zone)"),
        new(CallsRead, "View call records (CDRs) with their legs and IVR path"),
        new(CallsMonitor, "Join live calls as a supervisor (listen, whisper, barge), take them over (intercept) and end them"),
        new(PlatformTenantsRead, "View tenants (platform operators only)", PlatformOnly: true),
        new(PlatformTenantsWrite, "Create, suspend, resume and delete tenants (platform operators only)", PlatformOnly: true),
        new(PlatformNumbersRead, "View all phone numbers and their owners (platform operators only)", PlatformOnly: true),
        new(PlatformNumbersWrite, "Assign phone numbers to tenants and release them (platform operators only)", PlatformOnly: true),
        new(PlatformNodesRead, "View the cluster's nodes (platform operators only)", PlatformOnly: true),
        new(PlatformNodesWrite, "Drain a node for a restart (platform operators only)", PlatformOnly: true),
    ];

    private static readonly HashSet<string> Known = Catalogue.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Known.Contains(name);
}
