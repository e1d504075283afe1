using System.Net;

namespace Parley.Sip.Defence;

/// <summary>Flood and scanner defence. Thresholds are per source IP.</summary>
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

    /// <summary>User-Agent substrings (case-insensitive) whose requests are dropped without an answer.</summary>
    public IList<string> ScannerUserAgents { get; } = new List<string>
    {
        "friendly-scanner", "sipvicious", "sipcli", "sip-scan", "sundayddr", "iwar", "smap", "pplsip", "vaxsipuseragent", "voipbuster",
    };

    /// <summary>Most sources tracked at once; older idle entries are swept beyond this. Default 100,000.</summary>
    public int MaxTrackedSources { get; set; } = 100_000;
}
