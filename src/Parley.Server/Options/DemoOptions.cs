using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary><c>Parley:Demo</c>: seeds tenant <c>demo</c> with users and an API client. Enabled by <c>--demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Parley:Demo";
    public const string DefaultAdminPassword = "Demo-Admin-2026!";
    public const string DefaultSupervisorPassword = "Demo-Supervisor-2026!";
    public const string DefaultAgentPassword = "Demo-Agent-2026!";
    public const string DefaultApiClientSecret = "demo-api-secret-0123456789";
    public const string DefaultOperatorPassword = "Demo-Operator-2026!";
    public const string DefaultSipPassword = "Demo-Sip-2026!";

    public bool Enabled { get; set; }

    [Required]
    public string AdminPassword { get; set; } = DefaultAdminPassword;

    [Required]
    public string SupervisorPassword { get; set; } = DefaultSupervisorPassword;

    [Required]
    public string AgentPassword { get; set; } = DefaultAgentPassword;

    [Required]
    public string ApiClientSecret { get; set; } = DefaultApiClientSecret;

    /// <summary>SIP password of the demo agents agent1..3 (realm <c>demo.sip.parley</c>).</summary>
    [Required]
    public string SipPassword { get; set; } = DefaultSipPassword;

    /// <summary>Allow the documented default credentials while listening on a non-loopback address. Off by default.</summary>
    public bool AllowDefaultsOnNonLoopback { get; set; }

    public bool UsesDefaultCredentials =>
        AdminPassword == DefaultAdminPassword || SupervisorPassword == DefaultSupervisorPassword
        || AgentPassword == DefaultAgentPassword || ApiClientSecret == DefaultApiClientSecret || SipPassword == DefaultSipPassword;
}
