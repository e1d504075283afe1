using System.Net;
using Parley.Sip.Admission;
using Parley.Sip.Messages;

namespace Parley.Server.Sip;

/// <summary>
/// Which tenant a new INVITE counts against, decided from the message alone (no database, no wait): the tenant whose SIP
/// domain the Request-URI names (a call into <c>acme.sip.parley</c>), else the caller's own domain (a registered agent
/// calling out). Calls to numbers and calls arriving on trunks are resolved here too once the number/trunk directory
/// exists in memory: return <see cref="SipAdmissionScope"/> with the number's tenant and the trunk's id and limits
/// (the seam for per-trunk limits; keyed by tenant slug and trunk id).
/// </summary>
public sealed class SipAdmissionScopes(SipRealms realms)
{
    public SipAdmissionScope Resolve(SipRequest request, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = realms.SlugOf(request.Uri.Host) ?? realms.SlugOf(request.From.Uri.Host);
        return new SipAdmissionScope(Tenant: tenant);
    }
}
