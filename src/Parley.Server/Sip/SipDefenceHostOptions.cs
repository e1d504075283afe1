using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Sip;

/// <summary>
/// <c>Parley:Sip:Defence</c>: per-source flood thresholds and the sources never counted by the flood guard, and the
/// password-guessing thresholds (<c>Auth*</c>), which count every source, loopback and trusted ones included.
/// </summary>
public sealed class SipDefenceHostOptions
{
    /// <summary>Messages one source IP may send per second before it is ignored for <see cref="CoolDownSeconds"/>. Default 500.</summary>
    [Range(1, 10_000_000)]
    public int MaxMessagesPerSecond { get; set; } = 500;

    /// <summary>How long a flooding source is ignored. Default 60 s.</summary>
    [Range(1, 86_400)]
    public int CoolDownSeconds { get; set; } = 60;

    /// <summary>Never count loopback sources in the flood guard (not in the digest-failure guard). Default true.</summary>
    public bool TrustLoopback { get; set; } = true;

    /// <summary>IP addresses never counted or blocked (carriers, SBCs, load generators).</summary>
    public IList<string> TrustedAddresses { get; } = new List<string>();

    /// <summary>
    /// IP addresses of the SIP proxies in front of the nodes (Kamailio, <c>deploy/kamailio/</c>): their requests carry the
    /// client's address in <c>X-Parley-Source</c>, used for flood and guessing limits, admission and trunk matching.
    /// </summary>
    public IList<string> ProxyAddresses { get; } = new List<string>();

    /// <summary>Digest failures one source may make for one account (user@realm) in <see cref="AuthFailureWindowSeconds"/> before it is refused for that account. Default 10.</summary>
    [Range(1, 10_000)]
    public int AuthMaxFailures { get; set; } = 10;

    /// <summary>Window in which digest failures are counted. Default 300 s.</summary>
    [Range(1, 86_400)]
    public int AuthFailureWindowSeconds { get; set; } = 300;

    /// <summary>How long a guessing source is refused (403). Default 900 s.</summary>
    [Range(1, 604_800)]
    public int AuthCoolDownSeconds { get; set; } = 900;

    /// <summary>Distinct accounts one source may fail on in the window before it is refused for every account. Default 10.</summary>
    [Range(1, 10_000)]
    public int AuthMaxAccountsPerSource { get; set; } = 10;

    /// <summary>Most (source, account) and source entries tracked each; expired ones are swept every 30 s. Default 100,000.</summary>
    [Range(100, 10_000_000)]
    public int AuthMaxTrackedEntries { get; set; } = 100_000;
}
