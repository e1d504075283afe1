using System.Collections.Frozen;

namespace Parley.Server.Demo;

/// <summary>
/// Every secret that was ever printed in Parley's docs, code or examples. None of them may work off loopback: the
/// start-up check refuses them in configuration, and accounts still holding one are refused (see
/// <see cref="KnownSecretsAudit"/>). Demo secrets are generated per data directory instead (<see cref="DemoSecretsFile"/>).
/// </summary>
internal static class DocumentedSecrets
{
    /// <summary>Earlier versions' demo <c>admin</c> password.</summary>
    public const string AdminPassword = "Demo-Admin-2026!";

    public const string SupervisorPassword = "Demo-Supervisor-2026!";

    public const string AgentPassword = "Demo-Agent-2026!";

    public const string ApiClientSecret = "demo-api-secret-0123456789";

    public const string OperatorPassword = "Demo-Operator-2026!";

    public const string SipPassword = "Demo-Sip-2026!";

    /// <summary>The one list: add any secret a doc or example ever shows (docs use shell variables such as <c>$ADMIN_PASSWORD</c>).</summary>
    public static readonly FrozenSet<string> All = new[]
    {
        AdminPassword, SupervisorPassword, AgentPassword, ApiClientSecret, OperatorPassword, SipPassword,
        "Acme-Admin-2026!", // the tenant admin of docs/api.md's platform example
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string? secret) => secret is not null && All.Contains(secret);
}
