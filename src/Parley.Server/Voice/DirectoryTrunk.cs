using System.Net;
using Parley.Sip.Admission;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>
/// One trunk as the SIP edge sees it: where it may call from, its inbound digest identity, its numbering rule and its
/// admission limit (null when it sets none: the <c>PerTrunk</c> default applies).
/// </summary>
internal sealed record DirectoryTrunk(
    Guid Id,
    Guid TenantId,
    string TenantSlug,
    IReadOnlyList<IPNetwork> AllowedAddresses,
    string? InboundUserName,
    string? InboundRealm,
    string? InboundHa1Md5,
    string? InboundHa1Sha256,
    NumberingRule Rule,
    SipAdmissionLimit? Limit = null)
{
    /// <summary>The trunk's key in admission control (its id).</summary>
    public string AdmissionKey { get; } = Id.ToString("D");

    public bool Allows(IPAddress source)
    {
        foreach (var network in AllowedAddresses)
        {
            if (network.Contains(source))
            {
                return true;
            }
        }

        return false;
    }
}
