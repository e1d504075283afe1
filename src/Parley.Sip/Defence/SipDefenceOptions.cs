using System.Net;

namespace Parley.Sip.Defence;

/// <summary>
/// Flood, scanner and password-guessing defence. Flood thresholds are per source IP; digest-failure thresholds
/// (<c>Auth*</c>) are per (source, account) and per source, and apply to loopback and trusted sources too.
/// </summary>
public sealed class SipDefenceOptions
{
    /// <summary>Messages a source may send per <see cref="Window"/> before it is blocked. Default 500.</summary>
    public int MaxMessagesPerWindow { get; set; } = 500;

    /// <summary>Counting window. Default 1 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a flooding source is ignored. Default 60 s.</summary>
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Never count loopback sources (local SIPp, sidecars). Default true.</summary>
    public bool TrustLoopback { get; set; } = true;

    /// <summary>Sources never counted or blocked (carriers, load balancers, SIPp in tests).</summary>
    public IList<IPAddress> TrustedAddresses { get; } = new List<IPAddress>();

    /// <summary>
    /// SIP proxies in front of this node (Kamailio's dispatcher). A request from one of them that names its client in
    /// <see cref="Stack.SipClientSource.HeaderName"/> is treated as coming from that client: the flood guard, the
    /// digest-failure guard, admission control and trunk matching see the client, not the proxy. The proxies themselves
    /// are never counted. From any other source the header is ignored.
    /// </summary>
    public IList<IPAddress> ProxyAddresses { get; } = new List<IPAddress>();

    /// <summary>User-Agent substrings (case-insensitive) whose requests are dropped without an answer.</summary>
    public IList<string> ScannerUserAgents { get; } = new List<string>
    {
        "friendly-scanner", "sipvicious", "sipcli", "sip-scan", "sundayddr", "iwar", "smap", "pplsip", "vaxsipuseragent", "voipbuster",
    };

    /// <summary>Most sources tracked at once; older idle entries are swept beyond this. Default 100,000.</summary>
    public int MaxTrackedSources { get; set; } = 100_000;

    /// <summary>
    /// Digest failures (wrong answer, unknown user, forged nonce) one source may make for one account
    /// (user@realm) within <see cref="AuthFailureWindow"/> before that source is refused for that account for
    /// <see cref="AuthCoolDown"/>. Default 10.
    /// </summary>
    public int AuthMaxFailures { get; set; } = 10;

    /// <summary>Window in which digest failures are counted, from the first one. Default 5 minutes.</summary>
    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a guessing source is refused (for the account, or for every account). Default 15 minutes.</summary>
    public TimeSpan AuthCoolDown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Distinct accounts one source may fail on within <see cref="AuthFailureWindow"/> before it is refused for every
    /// account (a spray over user names). Default 10.
    /// </summary>
    public int AuthMaxAccountsPerSource { get; set; } = 10;

    /// <summary>
    /// Most (source, account) and source entries the digest guard keeps each; expired ones are swept every
    /// <see cref="AuthSweepInterval"/> on the stack's timer scheduler, and at once when the cap is reached. New sources are not
    /// tracked while the table is full of live entries (counted as untracked). Default 100,000.
    /// </summary>
    public int AuthMaxTrackedEntries { get; set; } = 100_000;

    /// <summary>How often expired digest-guard entries are swept. Default 30 s.</summary>
    public TimeSpan AuthSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessagesPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AuthMaxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AuthMaxAccountsPerSource, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(AuthMaxTrackedEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AuthFailureWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AuthCoolDown, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AuthSweepInterval, TimeSpan.Zero);
    }
}
