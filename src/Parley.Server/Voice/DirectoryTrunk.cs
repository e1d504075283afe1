using System.Net;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>One trunk as the SIP edge sees it: where it may call from, its inbound digest identity and its numbering rule.</summary>
internal sealed record DirectoryTrunk(
    Guid Id,
    Guid TenantId,
    IReadOnlyList<IPNetwork> AllowedAddresses,
    string? InboundUserName,
    string? InboundRealm,
    string? InboundHa1Md5,
    string? InboundHa1Sha256,
    NumberingRule Rule)
{
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
