using Microsoft.Extensions.Options;
using Parley.Sip.Messages;

namespace Parley.Server.Sip;

/// <summary>
/// Tenant SIP domains: tenant <c>acme</c> owns <c>acme.sip.parley</c> (suffix <c>Parley:Sip:DomainSuffix</c>), which is
/// the host of its users' addresses of record and the digest realm of their credentials.
/// </summary>
public sealed class SipRealms(IOptions<SipHostOptions> options)
{
    private string Suffix => "." + options.Value.DomainSuffix;

    /// <summary>The realm (and SIP domain) of a tenant.</summary>
    public string For(string tenantSlug) => tenantSlug.ToLowerInvariant() + Suffix;

    /// <summary>The tenant slug a realm belongs to, or null when the realm is not a tenant domain.</summary>
    public string? SlugOf(string realm)
    {
        ArgumentNullException.ThrowIfNull(realm);
        var suffix = Suffix;
        return realm.Length > suffix.Length && realm.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && realm.IndexOf('.', StringComparison.Ordinal) == realm.Length - suffix.Length
            ? realm[..^suffix.Length].ToLowerInvariant()
            : null;
    }

    /// <summary>The realm to challenge a request with: the host of its To URI (the address of record's domain).</summary>
    public string? RealmOf(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.To.Uri.Host.ToLowerInvariant();
    }
}
