using System.Net;

namespace Parley.Voice.Calls;

/// <summary>How <see cref="VoiceRouter"/> tells tenant domains apart.</summary>
public sealed class VoiceRouterOptions
{
    /// <summary>
    /// Whether a Request-URI host is some tenant's SIP domain. An authenticated caller whose realm differs from such a host
    /// is calling into another tenant and gets 403. Default (null): every host that is not an IP literal counts as a tenant
    /// domain, so only the caller's own domain or a bare address is let through. The server plugs in its tenant domains.
    /// </summary>
    public Func<string, bool>? IsTenantDomain { get; set; }

    internal bool IsForeignTenantDomain(string host, string callerRealm)
    {
        if (string.Equals(host, callerRealm, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsTenantDomain?.Invoke(host) ?? !IPAddress.TryParse(host.Trim('[', ']'), out _);
    }
}
