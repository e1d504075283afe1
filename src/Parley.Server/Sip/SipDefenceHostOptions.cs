using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Sip;

/// <summary><c>Parley:Sip:Defence</c>: per-source flood thresholds and the sources never counted.</summary>
public sealed class SipDefenceHostOptions
{
    /// <summary>Messages one source IP may send per second before it is ignored for <see cref="CoolDownSeconds"/>. Default 500.</summary>
    [Range(1, 10_000_000)]
    public int MaxMessagesPerSecond { get; set; } = 500;

    /// <summary>How long a flooding source is ignored. Default 60 s.</summary>
    [Range(1, 86_400)]
    public int CoolDownSeconds { get; set; } = 60;

    /// <summary>Never count loopback sources. Default true.</summary>
    public bool TrustLoopback { get; set; } = true;

    /// <summary>IP addresses never counted or blocked (carriers, SBCs, load generators).</summary>
    public IList<string> TrustedAddresses { get; } = new List<string>();
}
