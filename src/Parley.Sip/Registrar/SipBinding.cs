using System.Net;

namespace Parley.Sip.Registrar;

/// <summary>One registered contact of an address-of-record.</summary>
public sealed record SipBinding(string Aor, string Contact, string? TenantId, DateTimeOffset ExpiresAt, string CallId, long CSeq, IPEndPoint Source, string Transport)
{
    /// <summary>The User-Agent header of the REGISTER that made the binding, if any.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The digest user name that authenticated the REGISTER (null when the registrar does not authenticate).</summary>
    public string? User { get; init; }

    /// <summary>
    /// RFC 3327: the Path of the REGISTER (proxies between the device and this registrar, nearest first), the route set
    /// of every request sent to <see cref="Contact"/>; empty when the device registered directly.
    /// </summary>
    public IReadOnlyList<string> Path { get; init; } = [];
}
