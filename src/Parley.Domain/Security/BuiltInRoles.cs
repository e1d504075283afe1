using static Parley.Domain.Security.Permissions;

namespace Parley.Domain.Security;

/// <summary>The roles every tenant starts with. They cannot be changed or deleted; custom roles sit beside them.</summary>
public static class BuiltInRoles
{
    public const string TenantAdmin = "tenant-admin";
    public const string Supervisor = "supervisor";
    public const string QualityInspector = "quality-inspector";
    public const string Agent = "agent";
    public const string ApiClient = "api-client";
    public const string PlatformOperator = "platform-operator";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ForTenant { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [TenantAdmin] = Permissions.Catalogue.Where(p => !p.PlatformOnly).Select(p => p.Name).ToArray(),
        [Supervisor] =
        [
            UsersRead, AgentsRead, AgentsStateForce, QueuesRead, SkillsRead, FlowsRead, InteractionsRead, RecordingsListen,
            ReportsRead, RealtimeRead, SuperviseListen, SuperviseWhisper, SuperviseBarge, SuperviseIntercept, QualityReview,
            SipRegistrationsRead, NumbersRead, TrunksRead, CallsRead, CallsMonitor,
        ],
        [QualityInspector] = [InteractionsRead, RecordingsListen, ReportsRead, QualityReview],
        [Agent] = [AgentSelf, QueuesRead, SkillsRead],
        [ApiClient] =
        [
            UsersRead, AgentsRead, AgentsWrite, QueuesRead, QueuesWrite, SkillsRead, SkillsWrite, FlowsRead, FlowsWrite, InteractionsRead,
            InteractionsWrite, ReportsRead, RealtimeRead, WebhooksWrite,
        ],
    };

    public static IReadOnlyList<string> ForPlatform { get; } = Permissions.Catalogue.Select(p => p.Name).ToArray();
}
