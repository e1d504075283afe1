namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:Demo</c>: seeds tenant <c>demo</c> with users and an API client. Enabled by <c>--demo</c>. A secret left
/// unset is generated on first start for the data directory and kept in <c>{DataDirectory}/demo-secrets.json</c>
/// (owner-only); a secret set here wins.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Parley:Demo";

    public bool Enabled { get; set; }

    public string? AdminPassword { get; set; }

    public string? SupervisorPassword { get; set; }

    public string? AgentPassword { get; set; }

    public string? ApiClientSecret { get; set; }

    /// <summary>SIP password of the demo agents agent1..3 (realm <c>demo.sip.parley</c>).</summary>
    public string? SipPassword { get; set; }
}
